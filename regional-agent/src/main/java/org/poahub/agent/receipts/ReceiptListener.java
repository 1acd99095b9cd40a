package org.poahub.agent.receipts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
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
 * Consumes the region's outcome topic (the hub's delivery receipts) and the plan topic, committing offsets under a
 * group of its own per agent: stores each outcome with its report, and replaces the plan cache with the newest plan
 * snapshot of the region. Offsets are committed only after what they carry is on disk.
 * <p>
 * Connected only when {@link ListeningPolicy} says so — while reports await outcomes, and for a short check
 * every {@code plan.check-seconds} — so an idle office sends next to nothing. While disconnected it watches the
 * outbox (the local database, no network), so reports sent by this process or by a {@code sincronizar} beside it
 * start the listening. The partitions are assigned, not subscribed: no group membership, heartbeats or rebalance
 * delay, and a check ends as soon as the positions reach the end offsets read when it connected.
 */
public final class ReceiptListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptListener.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often the idle listener looks at the outbox (a local query) for reports awaiting receipts. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    private final AgentConfig config;
    private final AgentStore store;
    private final Backoff backoff;
    private final ListeningPolicy policy;
    private final AvroWireDeserializer<SpecificRecord> deserializer;
    private final Clock clock = Clock.systemUTC();
    private final Object wakeup = new Object();
    private final AtomicLong sessions = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private volatile java.util.function.Consumer<String> notices = message -> { };

    public ReceiptListener(AgentConfig config, AgentStore store) {
        this.config = config;
        this.store = store;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        this.policy = new ListeningPolicy(config.receiptsAwait(), config.planCheckInterval());
        this.deserializer = new AvroWireDeserializer<>();
        deserializer.configure(KafkaSettings.serde(config), false);
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
            try {
                if (policy.shouldConnect(store.sending().awaiting(), clock.instant())) {
                    listen();
                    backoff.reset();
                } else {
                    pause(IDLE_CHECK);
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
                    pause(config.backoffMax());
                } else {
                    log.warn("receipts failed, backing off: {}", problem.message());
                    pause(backoff.next());
                }
            }
        }
    }

    /** One connection: from the committed offsets up to the end of the topics, and on while receipts are awaited. */
    private void listen() {
        try (KafkaConsumer<String, SpecificRecord> c = newConsumer()) {
            consumer = c;
            if (!running) {
                return;
            }
            sessions.incrementAndGet();
            listening = true;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.outcomes(config.region()), Topics.PLAN)) {
                List<PartitionInfo> infos = c.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            c.assign(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (running) {
                if (pollOnce(c, POLL) > 0) {
                    policy.received(clock.instant());
                }
                boolean caughtUp = end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
                if (!policy.shouldStayConnected(store.sending().awaiting(), caughtUp, clock.instant())) {
                    break;
                }
            }
            policy.disconnected(clock.instant());
        } finally {
            listening = false;
            consumer = null;
        }
    }

    /** Whether the consumer is connected now (false while idle: nothing awaited and no plan check due). */
    public boolean listening() {
        return listening;
    }

    /** How many times the listener connected since it started. */
    public long sessions() {
        return sessions.get();
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

    /**
     * A consumer sharing the listener's deserializer: its schema cache outlives each connection, so a session
     * does not look the outcome schema up again in the registry (a consumer closes its deserializer: the wrapper
     * keeps that from reaching the shared one, which holds only the cache and the registry client).
     */
    public KafkaConsumer<String, SpecificRecord> newConsumer() {
        return new KafkaConsumer<>(KafkaSettings.consumer(config, groupId(config)), new StringDeserializer(),
                new Deserializer<SpecificRecord>() {
                    @Override
                    public SpecificRecord deserialize(String topic, byte[] data) {
                        return deserializer.deserialize(topic, data);
                    }

                    @Override
                    public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
                        return deserializer.deserialize(topic, headers, data);
                    }
                });
    }

    private void pause(Duration d) {
        synchronized (wakeup) {
            if (running) {
                try {
                    wakeup.wait(Math.max(1, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        KafkaConsumer<String, SpecificRecord> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
