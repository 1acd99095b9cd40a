package org.poahub.hub.jit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestCompilationTest {

    private static final String SOME_PATTERN = "org/poahub/hub/ingest/*.*";
    private final CompilerDirectives directives = new CompilerDirectives();

    @Test
    void turnedOffItAddsNothing() {
        String before = directives.list();

        new IngestCompilation(new JitProperties(false), directives).afterPropertiesSet();

        assertThat(directives.list()).isEqualTo(before);
    }

    @Test
    void onItAddsTheDirectivesOncePerJvmHoweverManyContextsStart() {
        new IngestCompilation(new JitProperties(true), directives).afterPropertiesSet();
        String once = directives.list();
        new IngestCompilation(new JitProperties(true), directives).afterPropertiesSet();

        assertThat(IngestCompilation.added()).isTrue();
        assertThat(once).contains(SOME_PATTERN);
        assertThat(once.indexOf(SOME_PATTERN)).isEqualTo(once.lastIndexOf(SOME_PATTERN));
        assertThat(directives.list()).isEqualTo(once);
    }
}
