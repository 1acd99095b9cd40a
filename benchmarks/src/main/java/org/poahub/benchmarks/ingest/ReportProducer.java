package org.poahub.benchmarks.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.CachedSchemaRegistryClient;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.TestKafka;

/**
 * Sends generated reports with the project's serializer, registering the report schemas in the hub's registry as an
 * agent would on first use. {@link #preload} sends as fast as the broker takes them; {@link #offer} at a fixed rate.
 */
final class ReportProducer implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    ReportProducer(String bootstrapServers, String registryUrl, String registryUserInfo) {
        this(TestKafka.clientProperties(bootstrapServers), registryUrl, registryUserInfo);
    }

    /** @param clientProperties the broker's address and, where it asks for one, the login */
    ReportProducer(Map<String, Object> clientProperties, String registryUrl, String registryUserInfo) {
        var registry = new CachedSchemaRegistryClient(new RestSchemaRegistryClient(
                RegistryClientConfig.of(registryUrl, registryUserInfo)));
        var serializer = new AvroWireSerializer<SpecificRecord>(registry,
                Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        Map<String, Object> config = new java.util.HashMap<>(clientProperties);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** Sends {@code count} reports and waits until the broker has acknowledged all of them. */
    void preload(ReportGenerator generator, int count, Progress progress) {
        for (int i = 1; i <= count; i++) {
            send(generator.next(Instant.now()));
            if (i % 100_000 == 0) {
                progress.report(i);
            }
        }
        producer.flush();
        throwIfFailed();
    }

    /**
     * Sends {@code rate} reports a second for {@code seconds}, each stamped reported-at when it is sent. A late
     * sender catches up at once (no coordinated omission: the schedule, not the previous send, sets each time).
     */
    int offer(ReportGenerator generator, int rate, int seconds) {
        int total = rate * seconds;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(generator.next(Instant.now()));
        }
        producer.flush();
        throwIfFailed();
        return total;
    }

    private void send(ReportGenerator.GeneratedReport report) {
        producer.send(new ProducerRecord<>(report.topic(), report.key(), report.report()), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private void throwIfFailed() {
        if (failure.get() != null) {
            throw new IllegalStateException("Sending reports failed", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    interface Progress {
        void report(int sent);
    }
}
