package org.poahub.hub.jit;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Keeps the code every ingested record runs through (the Kafka client, Camel, Avro, the serde, validation, the
 * batch's writes) out of C2, HotSpot's optimizing compiler: that code is compiled by C1 alone, as under
 * {@code -XX:TieredStopAtLevel=1}, while everything else (the read side, the reconciliation, the JDK and the
 * PostgreSQL driver they share with ingest) is compiled as usual. The list is
 * {@value #DIRECTIVES}.
 *
 * <p>Why: on two cores, C2 compiling that code took half a core for the whole of a 300,000-report drain after a
 * start, with its queue never empty, while the code waited in its slower profiled form; compiled by C1 alone the
 * drain ran about a fifth faster, and a long drain as fast as before (docs/benchmarks.md, "Ingest"). C1 alone for the
 * whole JVM does the same for ingest but makes the reconciliation's sort and matching slower than its target.
 *
 * <p>Added once per JVM, when the application context starts and before the ingest route does: the JVM keeps a
 * stack of at most 50 directives, and a JVM running several contexts (the tests) would otherwise fill it.
 */
final class IngestCompilation implements InitializingBean {

    static final String DIRECTIVES = "/jit/ingest-compiler-directives.json";
    private static final Logger log = LoggerFactory.getLogger(IngestCompilation.class);
    private static final AtomicBoolean ADDED = new AtomicBoolean();

    private final JitProperties properties;
    private final CompilerDirectives directives;

    IngestCompilation(JitProperties properties, CompilerDirectives directives) {
        this.properties = properties;
        this.directives = directives;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.ingestDirectives()) {
            log.info("poa.jit.ingest-directives is off: the ingest code is compiled by C1 and C2 as usual");
            return;
        }
        if (!ADDED.compareAndSet(false, true)) {
            return;
        }
        try {
            directives.addIfSupported(DIRECTIVES).ifPresentOrElse(
                    answer -> log.info("Ingest code compiled by C1 only ({}: {})", DIRECTIVES, answer),
                    () -> log.warn("This JVM takes no compiler directives: the ingest code is compiled as usual"));
        } catch (RuntimeException e) {
            // A hub that compiles as usual still works: slower on its first minute, not wrong.
            ADDED.set(false);
            log.warn("Ingest code compiled as usual: {}", e.getMessage());
        }
    }

    /**
     * Whether this JVM is done with the directives (from any context): they were added, or the JVM takes none. Only
     * a refusal leaves it false, so the next context tries again.
     */
    static boolean added() {
        return ADDED.get();
    }
}
