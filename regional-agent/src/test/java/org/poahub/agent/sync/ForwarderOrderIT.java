package org.poahub.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.config.AgentConfig;
import org.poahub.agent.it.AgentITSupport;
import org.poahub.agent.it.TestRegistryServer;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportDraft;
import org.poahub.agent.store.ReportState;
import org.poahub.contract.Topics;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestKafka;

/**
 * A report the producer refuses stays pending, and no later report overtakes it: the hub must see an operation's
 * progress in the order the office saved it. The chaos soak (local-stack {@code ChaosSoakIT}) found later months
 * delivered before an earlier one whose send had failed while the broker was restarting (its metadata did not come
 * within {@code max.block.ms}); the hub then rejected the earlier month as progress going backwards. Here the refusal
 * is made certain with a real broker and a report larger than the producer's {@code max.request.size}.
 */
class ForwarderOrderIT {

    static final String REGION = "BO-P";

    @TempDir
    Path dir;
    KraftBroker broker;
    TestRegistryServer registry;
    AgentStore store;
    AgentConfig config;

    @BeforeEach
    void start() throws Exception {
        broker = KraftBroker.builder(dir.resolve("broker")).maxHeap("384m").start();
        AgentITSupport.createTopics(broker.bootstrapServers(), REGION);
        registry = new TestRegistryServer();
        AgentITSupport.registerSchemas(registry, REGION);
        Properties p = new Properties();
        p.setProperty("region", REGION);
        p.setProperty("agent.id", "agente-" + UUID.randomUUID());
        p.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
        p.setProperty("kafka.max.request.size", "4096");
        p.setProperty("registry.url", registry.url());
        p.setProperty("data.dir", dir.resolve("datos").toString());
        config = AgentConfig.from(p, dir);
        store = AgentStore.open(config.database());
        BundledPlan.seedIfEmpty(store);
    }

    @AfterEach
    void stop() {
        store.close();
        registry.close();
        broker.close();
    }

    @Test
    void aReportTheProducerRefusesStaysPendingAndTheReportsAfterItAreNotSent() throws Exception {
        ReportFactory factory = new ReportFactory(config.agentId(), REGION);
        // March's progress, too large for one request; then April's and May's of the same operation
        store.save(List.of(progress(factory, 3, "3", "x".repeat(8_000)), progress(factory, 4, "4", ""),
                progress(factory, 5, "5", "")), null);

        try (Forwarder forwarder = new Forwarder(config, store)) {
            assertThatThrownBy(() -> forwarder.drain(SyncProgress.SILENT)).isInstanceOf(SyncException.class);
            forwarder.release();
        }

        assertThat(store.count(ReportState.PENDIENTE)).as("March refused; April and May wait behind it").isEqualTo(3);
        assertThat(TestKafka.readAll(broker.bootstrapServers(), Topics.progress(REGION))).isEmpty();
    }

    static ReportDraft progress(ReportFactory factory, int month, String value, String description) {
        LocalDate start = LocalDate.of(2020, month, 1);
        return factory.progress(new ProgressInput(2020, "11.04.02", start, start.plusMonths(1).minusDays(1),
                new BigDecimal(value), null, description, List.of(), "Ana", null));
    }
}
