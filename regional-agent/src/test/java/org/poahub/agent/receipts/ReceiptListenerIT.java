package org.poahub.agent.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
import org.poahub.agent.store.SaveResult;
import org.poahub.agent.sync.Forwarder;
import org.poahub.agent.sync.SyncProgress;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SerdeConfig;
import org.poahub.rules.RuleSettings;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestKafka;

/**
 * The receipts consumer against a real broker: connected while sent reports await their outcomes (which arrive as
 * the hub writes them), disconnected when nothing is awaited — the idle office's link carries nothing.
 */
class ReceiptListenerIT {

    static final String REGION = "BO-B";

    @TempDir
    Path dir;
    KraftBroker broker;
    String bootstrap;
    TestRegistryServer registry;
    AgentConfig config;
    AgentStore store;
    ReceiptListener listener;
    Thread thread;

    @BeforeEach
    void start() throws Exception {
        // a broker of its own: the shared one's poa.plan holds other tests' snapshots, written with their registries
        broker = KraftBroker.builder(dir.resolve("broker")).maxHeap("384m").start();
        bootstrap = broker.bootstrapServers();
        AgentITSupport.createTopics(bootstrap, REGION);
        TestKafka.createTopics(bootstrap, 1, Topics.PLAN);
        registry = new TestRegistryServer();
        AgentITSupport.registerSchemas(registry, REGION);
        Properties p = new Properties();
        p.setProperty("region", REGION);
        p.setProperty("agent.id", "agente-" + UUID.randomUUID());
        p.setProperty("kafka.bootstrap.servers", bootstrap);
        p.setProperty("registry.url", registry.url());
        p.setProperty("data.dir", dir.resolve("datos").toString());
        config = AgentConfig.from(p, dir);
        store = AgentStore.open(config.database());
        BundledPlan.seedIfEmpty(store);
        listener = new ReceiptListener(config, store);
        thread = new Thread(listener::run, "receipts");
        thread.start();
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        thread.join(30_000);
        store.close();
        registry.close();
        broker.close();
    }

    @Test
    void idleWithNothingAwaitedTheConsumerIsClosedAndReceiptsArriveWhileReportsAwaitThem() throws Exception {
        // start-up: one check of the plan and late receipts, then nothing is awaited and the consumer closes
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.sessions() == 1 && !listener.listening());

        ReportFactory factory = new ReportFactory(config.agentId(), REGION);
        SaveResult saved = store.save(List.of(progress(factory, "1"), progress(factory, "2"), progress(factory, "3")),
                store.validator(RuleSettings.DEFAULTS));
        // saved, about to be sent: the listener connects by itself, ready before the first outcome
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        try (Forwarder forwarder = new Forwarder(config, store)) {
            assertThat(forwarder.syncAll(SyncProgress.SILENT)).isEqualTo(3);
            forwarder.release();
        }
        assertThat(listener.listening()).isTrue();
        assertThat(listener.sessions()).isEqualTo(2);

        List<UUID> ids = saved.saved().stream().map(SaveResult.Saved::messageId).toList();
        publishOutcomes(ids.subList(0, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.count(ReportState.ACEPTADO) == 2);
        assertThat(listener.listening()).as("one report still awaits its outcome").isTrue();

        publishOutcomes(ids.subList(2, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.count(ReportState.ACEPTADO) == 3);
        // nothing awaited any more: disconnected, and it stays in the same session count while idle
        await().atMost(Duration.ofSeconds(30)).until(() -> !listener.listening());
        assertThat(listener.sessions()).isEqualTo(2);
        assertThat(store.sending().awaiting().count()).isZero();
    }

    static ReportDraft progress(ReportFactory factory, String value) {
        return factory.progress(new ProgressInput(2020, "11.04.02", java.time.LocalDate.of(2020, 3, 1),
                java.time.LocalDate.of(2020, 3, 31), new java.math.BigDecimal(value), null, "", List.of(), "Ana",
                null));
    }

    /** What the hub's outcome route writes for accepted reports. */
    void publishOutcomes(List<UUID> ids) {
        AvroWireSerializer<ReportOutcome> serializer = new AvroWireSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        try (KafkaProducer<String, ReportOutcome> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serializer)) {
            for (UUID id : ids) {
                producer.send(new ProducerRecord<>(Topics.outcomes(REGION), id.toString(), ReportOutcome.newBuilder()
                        .setMessageId(id).setRegionCode(REGION).setReportKind(ReportKind.PROGRESS)
                        .setStatus(OutcomeStatus.ACCEPTED).setFindings(List.of()).setProcessedAt(Instant.now())
                        .build()));
            }
            producer.flush();
        }
    }
}
