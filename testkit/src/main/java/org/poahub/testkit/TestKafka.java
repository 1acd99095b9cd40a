package org.poahub.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of this test JVM, started once, in this order of preference:
 * <ol>
 * <li>{@code POA_TEST_KAFKA_BOOTSTRAP}: a broker of your own;</li>
 * <li>Testcontainers' Kafka ({@code apache/kafka}), when a Docker engine answers;</li>
 * <li>a real single-node KRaft broker from Kafka's jars in a child JVM ({@link KraftBroker}).</li>
 * </ol>
 * Plus helpers to create topics and read back what a topic holds.
 */
public final class TestKafka {

    private static String bootstrap;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            bootstrap = startBroker();
        }
        return bootstrap;
    }

    private static String startBroker() {
        String external = System.getenv("POA_TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.3.1");
            container.start();
            return container.getBootstrapServers();
        }
        java.nio.file.Path dir = TempDirs.create("poa-test-kafka-");
        KraftBroker broker = KraftBroker.builder(dir).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            TempDirs.deleteQuietly(dir);
        }, "poa-test-kafka-stop"));
        return broker.bootstrapServers();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topics (if missing) on the shared test broker and waits until they are usable. */
    public static void createTopics(int partitions, String... topics) {
        createTopics(bootstrapServers(), partitions, topics);
    }

    /** Creates the topics (if missing) on the given broker, e.g. a {@link KraftBroker} of the test's own. */
    public static void createTopics(String bootstrapServers, int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(newTopics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause(), e);
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("Cannot create topic " + name + ": " + e, e);
                }
            });
        }
    }

    /** Every record the topic holds right now on the shared test broker. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return readAll(bootstrapServers(), topic);
    }

    /** Every record the topic holds right now (from the earliest to the current end offsets) on the given broker. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end, partitions)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end,
            Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }
}
