package org.poahub.agent.receipts;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.poahub.agent.config.AgentConfig;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.sync.Backoff;
import org.poahub.agent.sync.KafkaSettings;
import org.poahub.agent.sync.SyncErrors;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.agent.plan.PlanSnapshots;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.RegionAcls;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the region's outcome topic (the hub's delivery receipts) and the plan topic with a consumer group of its
 * own per agent: stores each outcome with its report, and replaces the plan cache with the newest plan snapshot of
 * the region. Offsets are committed only after what they carry is on disk.
 */
public final class ReceiptListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptListener.class);

    private final AgentConfig config;
    private final AgentStore store;
    private final Backoff backoff;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private volatile java.util.function.Consumer<String> notices = message -> { };

    public ReceiptListener(AgentConfig config, AgentStore store) {
        this.config = config;
        this.store = store;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    }

    /** {@code poa-agent-<agent id>-acuses}: inside the group prefix the broker allows the agent ({@link RegionAcls}). */
    public static String groupId(AgentConfig config) {
        return RegionAcls.agentReceiptsGroup(config.agentId());
    }

    /** Where a refused credential is also shown (the console of {@code ejecutar}); by default only the log. */
    public ReceiptListener onCredentialProblem(java.util.function.Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    public void run() {
        while (running) {
            try (KafkaConsumer<String, SpecificRecord> c = newConsumer()) {
                consumer = c;
                c.subscribe(List.of(Topics.outcomes(config.region()), Topics.PLAN));
                while (running) {
                    pollOnce(c, Duration.ofSeconds(1));
                    backoff.reset();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                SyncErrors.Problem problem = SyncErrors.problem(e, config);
                store.recordError(problem.message());
                if (problem.credentials()) {
                    log.warn("credentials refused, retrying in {} s: {}", config.backoffMax().toSeconds(),
                            problem.message());
                    notices.accept(problem.message());
                    sleep(config.backoffMax());
                } else {
                    log.warn("receipts failed, backing off: {}", problem.message());
                    sleep(backoff.next());
                }
            } finally {
                consumer = null;
            }
        }
    }

    /** Stores the outcomes of one poll and commits them; returns how many there were. */
    public int pollOnce(KafkaConsumer<String, SpecificRecord> c, Duration timeout) {
        ConsumerRecords<String, SpecificRecord> records = c.poll(timeout);
        for (ConsumerRecord<String, SpecificRecord> r : records) {
            if (r.value() instanceof ReportOutcome outcome && config.region().equals(outcome.getRegionCode())) {
                store.saveOutcome(outcome);
            } else if (r.value() instanceof PlanSnapshot plan && config.region().equals(plan.getRegionCode())) {
                store.replacePlan(plan.getFiscalYear(), PlanSnapshots.operations(plan), PlanSnapshots.version(plan));
                log.info("plan {} v{} cached", plan.getFiscalYear(), plan.getPlanVersion());
            }
        }
        if (!records.isEmpty()) {
            c.commitSync();
        }
        return records.count();
    }

    public KafkaConsumer<String, SpecificRecord> newConsumer() {
        AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>();
        deserializer.configure(KafkaSettings.serde(config), false);
        return new KafkaConsumer<>(KafkaSettings.consumer(config, groupId(config)), new StringDeserializer(),
                deserializer);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, SpecificRecord> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
