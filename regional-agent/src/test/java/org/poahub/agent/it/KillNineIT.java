package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.testkit.TestKafka;

/**
 * SIGKILL of the agent at random points while it syncs 10,000 reports, restarted each time: every report reaches
 * the broker, each keeps its single message id (so the hub's de-duplication leaves exactly one), sums match.
 */
class KillNineIT {

    static final String REGION = "BO-L";
    static final int REPORTS = 10_000;
    static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void everyReportArrivesOnceDeduplicatedDespiteKills() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        AgentITSupport.createTopics(bootstrap, REGION);
        try (TestRegistryServer registry = new TestRegistryServer()) {
            AgentITSupport.registerSchemas(registry, REGION);
            Properties small = new Properties();
            small.setProperty("sync.page-size", "200");
            AgentProcess agent = new AgentProcess(dir, REGION, bootstrap, registry.url(), small);
            AgentProcess.Output simulated = agent.run("simular", "--cantidad", Integer.toString(REPORTS),
                    "--invalidos", "0");
            assertThat(simulated.exitCode()).as(simulated.stderr()).isZero();

            Random random = new Random(42);
            long sentBefore = 0;
            for (int kill = 0; kill < KILLS; kill++) {
                long threshold = sentBefore + 200 + random.nextInt(REPORTS / (KILLS + 2));
                Process running = agent.start("ejecutar", "--sin-carpeta");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                        .until(() -> sent(agent) >= threshold || !running.isAlive());
                AgentProcess.kill(running);
                sentBefore = sent(agent);
            }
            Process last = agent.start("ejecutar", "--sin-carpeta");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> AgentITSupport.countByState(agent.database()).getOrDefault("PENDIENTE", 0L) == 0);
            AgentProcess.stop(last);

            Map<UUID, BigDecimal> outbox = AgentITSupport.outbox(agent.database());
            List<SpecificRecord> onTopics = AgentITSupport.readReports(bootstrap, registry.url(), REGION);
            Map<UUID, SpecificRecord> distinct = AgentITSupport.distinct(onTopics);
            assertThat(outbox).hasSize(REPORTS);
            assertThat(onTopics.size()).isGreaterThanOrEqualTo(REPORTS);
            assertThat(distinct.keySet()).isEqualTo(outbox.keySet());
            assertThat(AgentITSupport.sum(distinct.values()))
                    .isEqualByComparingTo(outbox.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    private static long sent(AgentProcess agent) throws Exception {
        return AgentITSupport.countByState(agent.database()).getOrDefault("ENVIADO", 0L);
    }
}
