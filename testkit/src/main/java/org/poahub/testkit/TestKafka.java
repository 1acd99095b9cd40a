package org.poahub.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.poahub.contract.BrokerAccounts;
import org.poahub.contract.RegionAcls;
import org.poahub.contract.Topics;

/**
 * The Kafka broker of this test JVM, started once: a real single-node KRaft broker from Kafka's jars in a child JVM
 * ({@link KraftBroker}), secured as production is: SCRAM-SHA-512 on every listener, ACLs enforced by the
 * StandardAuthorizer, agents over TLS. Tests reach it with credentials from here:
 * <ul>
 * <li>{@link #adminClientProperties()}: the super user, for test set-up (topics, reading a topic back);</li>
 * <li>{@link #hubSettings()}: the hub's own principal {@value #HUB_USER}, with exactly the ACLs
 * {@link RegionAcls#forHub} and {@link RegionAcls#forProvisioner} give it;</li>
 * <li>{@link #agent(String, String)}: a regional agent's account with {@link RegionAcls#forAgent}.</li>
 * </ul>
 * (Docker's {@code apache/kafka} image and an external {@code POA_TEST_KAFKA_BOOTSTRAP} were options before the broker
 * needed SCRAM users and a CA of the test's own; both are gone.)
 */
public final class TestKafka {

    /** The hub's SCRAM user on the test broker. */
    public static final String HUB_USER = "poa-hub";
    /** The ingest group prefix the hub user may use (tests give every hub a group {@code poa-hub-<uuid>}). */
    public static final String HUB_GROUP = "poa-hub";

    private static KraftBroker broker;
    private static String hubPassword;

    private TestKafka() {
    }

    /** The shared secured broker (started on first use, stopped when the JVM exits). */
    public static synchronized KraftBroker broker() {
        if (broker == null) {
            java.nio.file.Path dir = TempDirs.create("poa-test-kafka-");
            BrokerSecurity security = BrokerSecurity.createOrLoad(dir.resolve("security"), List.of());
            KraftBroker started = KraftBroker.builder(dir).secured(security).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.stop();
                TempDirs.deleteQuietly(dir);
            }, "poa-test-kafka-stop"));
            broker = started;
        }
        return broker;
    }

    /** The hub's and the admin's listener (SASL_PLAINTEXT on 127.0.0.1): every client needs credentials. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** Bootstrap address and the super user's login. */
    public static Map<String, Object> adminClientProperties() {
        return broker().adminClientProperties();
    }

    public static Admin admin() {
        return Admin.create(adminClientProperties());
    }

    /** The hub principal's client settings (bootstrap, SASL login), its account created on first use. */
    public static Map<String, Object> hubClientProperties() {
        Map<String, Object> p = new HashMap<>(BrokerAccounts.login("SASL_PLAINTEXT", HUB_USER, hubPassword()));
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return p;
    }

    /** The hub's {@code poa.kafka.*} settings for the hub principal (what a deployment puts in its environment). */
    public static Map<String, String> hubSettings() {
        return Map.of("poa.kafka.bootstrap-servers", bootstrapServers(),
                "poa.kafka.security-protocol", "SASL_PLAINTEXT",
                "poa.kafka.username", HUB_USER,
                "poa.kafka.password", hubPassword(),
                "poa.kafka.agent-bootstrap-servers", broker().agentBootstrapServers(),
                "poa.kafka.agent-ca-file", broker().security().certificates().caCertificate().toString());
    }

    private static synchronized String hubPassword() {
        if (hubPassword == null) {
            String password = BrokerAccounts.newPassword();
            List<org.apache.kafka.common.acl.AclBinding> acls = new ArrayList<>(
                    RegionAcls.forHub(HUB_USER, Topics.REGION_CODES, HUB_GROUP));
            acls.addAll(RegionAcls.forProvisioner(HUB_USER));
            try (Admin admin = admin()) {
                BrokerAccounts.create(admin, HUB_USER, password, acls);
            }
            hubPassword = password;
        }
        return hubPassword;
    }

    /**
     * Creates (or resets the password of) the agent {@code agentId} of {@code region} with exactly
     * {@link RegionAcls#forAgent}, as the hub's {@code provision-agent} does.
     */
    public static AgentAccount agent(String region, String agentId) {
        String password = BrokerAccounts.newPassword();
        try (Admin admin = admin()) {
            BrokerAccounts.create(admin, agentId, password, RegionAcls.forAgent(region, agentId));
        }
        return new AgentAccount(region, agentId, password, broker().agentBootstrapServers(),
                broker().security().certificates().caCertificatePem());
    }

    /** Adds ACLs (as the super user), e.g. the hub's for a plan topic of the test's own. */
    public static void grant(List<org.apache.kafka.common.acl.AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the ACLs " + acls + ": " + e, e);
        }
    }

    /** Deletes the agent's ACLs and SCRAM credential, as {@code revoke-agent} does. */
    public static void revoke(String agentId) {
        try (Admin admin = admin()) {
            BrokerAccounts.remove(admin, agentId);
        }
    }

    /** Creates the topics (if missing) on the shared test broker and waits until they are usable. */
    public static void createTopics(int partitions, String... topics) {
        createTopics(bootstrapServers(), partitions, topics);
    }

    /**
     * Creates the topics (if missing) on the given broker: the shared one (as super user) or a {@link KraftBroker}
     * of the test's own without authentication.
     */
    public static void createTopics(String bootstrapServers, int partitions, String... topics) {
        try (Admin admin = Admin.create(clientProperties(bootstrapServers))) {
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

    /**
     * The settings to reach {@code bootstrapServers} for test set-up: the super user's login when it is the shared
     * broker, just the address for a broker of the test's own.
     */
    public static Map<String, Object> clientProperties(String bootstrapServers) {
        synchronized (TestKafka.class) {
            if (broker != null && broker.bootstrapServers().equals(bootstrapServers)) {
                return broker.adminClientProperties();
            }
        }
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** Every record the topic holds right now on the shared test broker. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return readAll(bootstrapServers(), topic);
    }

    /** Every record the topic holds right now (from the earliest to the current end offsets) on the given broker. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = new HashMap<>(clientProperties(bootstrapServers));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
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
