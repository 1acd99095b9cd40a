package org.poahub.hub.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Against this test's own JVM: every directive added here is removed again. */
class CompilerDirectivesTest {

    private static final String SOME_PATTERN = "org/poahub/routes/ingest/*.*";
    private final CompilerDirectives directives = new CompilerDirectives();

    @Test
    void theShippedDirectivesAreTakenByTheJvmAndCanBeRemoved() {
        assertThat(directives.supported()).as("HotSpot, as the hub runs on").isTrue();
        int before = occurrences(directives.list(), SOME_PATTERN);

        String answer = directives.add(IngestCompilation.DIRECTIVES);
        String listed = directives.list();
        directives.removeLast();

        assertThat(answer).isEqualTo("1 compiler directives added");
        assertThat(occurrences(listed, SOME_PATTERN)).isEqualTo(before + 1);
        assertThat(listed).contains("Exclude:true");
        assertThat(occurrences(directives.list(), SOME_PATTERN)).isEqualTo(before);
    }

    @Test
    void aFileTheJvmCannotParseIsRefusedWithItsReason() {
        assertThatThrownBy(() -> directives.add("/jit/broken-directives.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the compiler directives of /jit/broken-directives.json")
                .hasMessageContaining("Syntax error");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> directives.add("/jit/nowhere.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/jit/nowhere.json");
    }

    /** A renamed package would leave its pattern matching nothing, silently: every pattern must name shipped code. */
    @Test
    void everyPatternOfTheShippedDirectivesNamesCodeOnTheClasspath() throws Exception {
        List<String> patterns = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(IngestCompilation.DIRECTIVES)) {
            JsonNode shipped = JsonMapper.builder().build().readTree(in);
            shipped.forEach(directive -> directive.path("match").forEach(p -> patterns.add(p.asString())));
        }

        assertThat(patterns).hasSizeGreaterThan(5).allSatisfy(pattern -> {
            assertThat(pattern).as("a class pattern, then any method").endsWith("*.*");
            String prefix = pattern.substring(0, pattern.length() - "*.*".length());
            assertThat(prefix.endsWith("/") ? packageExists(prefix) : classExists(prefix)).as(pattern).isTrue();
        });
    }

    /** On the class path (a directory entry of a jar), or a package of one of the JDK's modules. */
    private static boolean packageExists(String directory) {
        String name = directory.substring(0, directory.length() - 1).replace('/', '.');
        return ClassLoader.getSystemClassLoader().getResource(directory) != null
                || ModuleLayer.boot().modules().stream().anyMatch(module -> module.getPackages().contains(name));
    }

    private static boolean classExists(String path) {
        return ClassLoader.getSystemClassLoader().getResource(path + ".class") != null;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
