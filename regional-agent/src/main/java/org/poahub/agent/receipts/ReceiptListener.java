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
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the region's outcome topic (the hub's delivery receipts) with a consumer group of its own per agent and
 * stores each outcome with its report; offsets are committed only after the outcomes are on disk.
 */
public final class ReceiptListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptListener.class);

    private final AgentConfig config;
    private final AgentStore store;
    private final Backoff backoff;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, ReportOutcome> consumer;

    public ReceiptListener(AgentConfig config, AgentStore store) {
        this.config = config;
        this.store = store;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    }

    public static String groupId(AgentConfig config) {
        return "poa-agent-" + config.agentId() + "-acuses";
    }

    public void run() {
        while (running) {
            try (KafkaConsumer<String, ReportOutcome> c = newConsumer()) {
                consumer = c;
                c.subscribe(List.of(Topics.outcomes(config.region())));
                while (running) {
                    pollOnce(c, Duration.ofSeconds(1));
                    backoff.reset();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                String message = SyncErrors.describe(e);
                log.warn("receipts failed, backing off: {}", message);
                store.recordError(message);
                sleep(backoff.next());
            } finally {
                consumer = null;
            }
        }
    }

    /** Stores the outcomes of one poll and commits them; returns how many there were. */
    public int pollOnce(KafkaConsumer<String, ReportOutcome> c, Duration timeout) {
        ConsumerRecords<String, ReportOutcome> records = c.poll(timeout);
        for (ConsumerRecord<String, ReportOutcome> r : records) {
            if (r.value() != null && config.region().equals(r.value().getRegionCode())) {
                store.saveOutcome(r.value());
            }
        }
        if (!records.isEmpty()) {
            c.commitSync();
        }
        return records.count();
    }

    public KafkaConsumer<String, ReportOutcome> newConsumer() {
        AvroWireDeserializer<ReportOutcome> deserializer = new AvroWireDeserializer<>();
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
        KafkaConsumer<String, ReportOutcome> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
