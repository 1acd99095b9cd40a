package org.poahub.agent.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.agent.config.AgentConfig;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.OutboxRow;
import org.poahub.agent.store.ReportState;
import org.poahub.contract.ReportKind;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the region's topics, a page at a time (memory stays bounded whatever the backlog). A report
 * is marked sent only once the broker acknowledged it; a crash before that resends it with the same message id,
 * which the hub recognises. On any failure the producer is dropped and the forwarder waits with backoff, then
 * starts over from the oldest pending report: no operator action is needed when the link returns.
 */
public final class Forwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);
    /** An idle producer still refreshes metadata over the link: closed after this long without anything to send. */
    private static final Duration PRODUCER_IDLE = Duration.ofMinutes(1);

    private final AgentConfig config;
    private final AgentStore store;
    private final Supplier<Producer<String, SpecificRecordBase>> producers;
    private final Backoff backoff;
    private final Object wakeup = new Object();
    private volatile boolean running = true;
    private Producer<String, SpecificRecordBase> producer;
    private volatile java.util.function.Consumer<String> notices = message -> { };

    public Forwarder(AgentConfig config, AgentStore store) {
        this(config, store, producers(config));
    }

    Forwarder(AgentConfig config, AgentStore store, Supplier<Producer<String, SpecificRecordBase>> producers) {
        this.config = config;
        this.store = store;
        this.producers = producers;
        this.backoff = new Backoff(config.backoffInitial(), config.backoffMax());
    }

    /**
     * New producers sharing one serializer: its schema ids outlive each producer (dropped after a failure or
     * when idle), so a new one does not ask the registry again. A producer closes its serializer; the wrapper
     * keeps that from reaching the shared one, which holds only the cache and the registry client.
     */
    static Supplier<Producer<String, SpecificRecordBase>> producers(AgentConfig config) {
        AvroWireSerializer<SpecificRecordBase> shared = new AvroWireSerializer<>();
        shared.configure(KafkaSettings.serde(config), false);
        Serializer<SpecificRecordBase> serializer = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, SpecificRecordBase data) {
                return shared.serialize(topic, data);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, SpecificRecordBase data) {
                return shared.serialize(topic, headers, data);
            }
        };
        return () -> new KafkaProducer<>(KafkaSettings.producer(config), new StringSerializer(), serializer);
    }

    /**
     * Service mode: forwards until {@link #close()}, sleeping between empty polls and backing off after failures.
     */
    public void run() {
        long lastSent = System.nanoTime();
        while (running) {
            try {
                if (drain(SyncProgress.SILENT) > 0) {
                    lastSent = System.nanoTime();
                } else if (producer != null && System.nanoTime() - lastSent > PRODUCER_IDLE.toNanos()) {
                    release();
                }
                backoff.reset();
                pause(IDLE_POLL);
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /**
     * Command mode: forwards until nothing is pending, retrying with backoff through link failures.
     *
     * @return the number of reports the broker acknowledged
     */
    public long syncAll(SyncProgress progress) {
        long sent = 0;
        while (running) {
            try {
                sent += drain(progress);
                if (store.count(ReportState.PENDIENTE) == 0) {
                    return sent;
                }
            } catch (RuntimeException e) {
                progress.error(SyncErrors.describe(e, config));
                failed(e);
            }
        }
        return sent;
    }

    /**
     * Sends every pending report once, page by page, in outbox order. Stops at the first report the producer refuses
     * and throws (after saving what was acked), so no report is sent after an earlier one that failed.
     */
    long drain(SyncProgress progress) {
        long sent = 0;
        long after = 0;
        progress.start(store.count(ReportState.PENDIENTE));
        while (running) {
            List<OutboxRow> page = store.pending(after, config.pageSize());
            if (page.isEmpty()) {
                return sent;
            }
            if (producer == null) {
                producer = producers.get();
            }
            List<Long> acked = Collections.synchronizedList(new ArrayList<>(page.size()));
            AtomicReference<Exception> failure = new AtomicReference<>();
            try {
                for (OutboxRow row : page) {
                    if (failure.get() != null) {
                        // A report the producer refused (its callback may run inside send(), e.g. when the broker's
                        // metadata did not come in time) stays pending: the reports after it must not overtake it,
                        // or the hub would see an operation's later progress first (found by ChaosSoakIT).
                        break;
                    }
                    SpecificRecordBase record = AgentStore.decode(row.kind(), row.payload());
                    String topic = row.kind() == ReportKind.PROGRESS ? Topics.progress(config.region())
                            : Topics.expenditure(config.region());
                    long seq = row.sequence();
                    Producer<String, SpecificRecordBase> sending = producer;
                    sending.send(new ProducerRecord<>(topic, Topics.reportKey(config.region(), row.operationCode()),
                            record), (metadata, e) -> {
                                if (e == null) {
                                    acked.add(seq);
                                } else if (failure.compareAndSet(null, e)) {
                                    // Nothing queued behind a failed report may leave: after a failed batch the
                                    // idempotent producer carries on with the next ones (a new epoch), which would
                                    // put later reports of the operation ahead of it. Closing at once (allowed in a
                                    // callback) fails every batch not yet sent; they stay pending.
                                    sending.close(Duration.ZERO);
                                }
                            });
                }
                producer.flush();
            } finally {
                List<Long> done;
                synchronized (acked) {
                    done = new ArrayList<>(acked);
                }
                store.markSent(done);
                sent += done.size();
                progress.advance(done.size());
            }
            if (failure.get() != null) {
                throw new SyncException(failure.get());
            }
            after = page.get(page.size() - 1).sequence();
        }
        return sent;
    }

    private void failed(RuntimeException e) {
        SyncErrors.Problem problem = SyncErrors.problem(e, config);
        store.recordError(problem.message());
        dropProducer();
        if (problem.credentials()) {
            // A person must act (here or at the hub): keep every report and retry slowly, at the longest wait.
            log.warn("credentials refused, retrying in {} s: {}", config.backoffMax().toSeconds(), problem.message());
            notices.accept(problem.message());
            pause(config.backoffMax());
        } else {
            log.warn("sync failed, backing off: {}", problem.message());
            pause(backoff.next());
        }
    }

    /** Where a refused credential is also shown (the console of {@code ejecutar}); by default only the log. */
    public Forwarder onCredentialProblem(java.util.function.Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    private void dropProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("closing the producer failed", e);
            }
            producer = null;
        }
    }

    /** Wakes the service loop (a report was just saved in this process). */
    public void wakeUp() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    private void pause(Duration duration) {
        synchronized (wakeup) {
            if (running) {
                try {
                    wakeup.wait(Math.max(1, duration.toMillis()));
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
        wakeUp();
    }

    /** Releases the producer; call from the thread that ran the forwarder, after it returned. */
    public void release() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
