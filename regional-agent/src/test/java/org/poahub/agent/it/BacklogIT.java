package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.testkit.TestKafka;

/**
 * A 100,000-report backlog drains with the launcher's defaults (-Xmx64m): the heap stays flat (bounded well below the
 * maximum on every progress sample) and the process's resident memory stays under a bound.
 */
class BacklogIT {

    static final String REGION = "BO-O";

    @TempDir
    Path dir;

    @Test
    void hundredThousandReportsDrainWithAFlatHeap() throws Exception {
        AgentITSupport.createTopics(TestKafka.bootstrapServers(), REGION);
        try (TestRegistryServer registry = new TestRegistryServer()) {
            AgentITSupport.registerSchemas(registry, REGION);
            BacklogDrain.Result result = BacklogDrain.run(dir, TestKafka.agent(REGION, "agente-bo-o"), registry.url(),
                    100_000);

            assertThat(result.exitCode()).isZero();
            assertThat(AgentITSupport.countByState(dir.resolve("datos/agente.db"))).containsEntry("ENVIADO", 100_000L)
                    .hasSize(1);
            assertThat(result.heapSamplesMb()).isNotEmpty().allSatisfy(mb -> assertThat(mb).isLessThanOrEqualTo(60L));
            assertThat(result.maxRssKb()).as("resident memory, kB").isLessThanOrEqualTo(RSS_BOUND_KB);
        }
    }

    /** The target, sampled as the benchmark does (VmRSS every 100 ms); docs/benchmarks.md has the values. */
    static final long RSS_BOUND_KB = 128 * 1024;
}
