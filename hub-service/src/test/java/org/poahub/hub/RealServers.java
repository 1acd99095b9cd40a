package org.poahub.hub;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a hub test context at the real broker and a fresh real PostgreSQL database from the testkit. */
public final class RealServers {

    public static final String USER = "planner";
    public static final String PASSWORD = UUID.randomUUID().toString();

    private RealServers() {
    }

    public static TestDatabase register(DynamicPropertyRegistry registry) {
        TestDatabase db = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // The hub logs in as its own principal, with exactly the ACLs RegionAcls gives it.
        TestKafka.hubSettings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("poa.security.users[0].name", () -> USER);
        registry.add("poa.security.users[0].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[0].roles[0]", () -> "PLANIFICADOR");
        registry.add("poa.security.allow-plain-text-passwords", () -> "true");
        // Tests that exercise ingest use registerWithIngest: several hub contexts must not share one consumer group.
        registry.add("poa.ingest.enabled", () -> "false");
        // ReportSchemaRegistrationIT turns it on: most test hubs have no registry writer and list subjects of their own.
        registry.add("poa.registry.report-schemas.register", () -> "false");
        return db;
    }

    /**
     * Staff accounts besides {@link #USER} ({@code poa.security.users[1]} on), all with {@code password}: each
     * {@code {name, role}} or {@code {name, role, region}} (a REGIONAL account's region).
     */
    public static void registerUsers(DynamicPropertyRegistry registry, String password, String[]... users) {
        for (int i = 0; i < users.length; i++) {
            String prefix = "poa.security.users[" + (i + 1) + "].";
            String[] user = users[i];
            registry.add(prefix + "name", () -> user[0]);
            registry.add(prefix + "password", () -> "{noop}" + password);
            registry.add(prefix + "roles[0]", () -> user[1]);
            if (user.length > 2 && user[2] != null) {
                registry.add(prefix + "region", () -> user[2]);
            }
        }
    }

    /**
     * A schema-registry writer ({@code ESQUEMAS}) as {@code poa.security.users[index]}, and the hub's own registry
     * client logging in as it.
     */
    public static void registerRegistryWriter(DynamicPropertyRegistry registry, int index, String name,
                                              String password) {
        String prefix = "poa.security.users[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "password", () -> "{noop}" + password);
        registry.add(prefix + "roles[0]", () -> "ESQUEMAS");
        registry.add("poa.registry.username", () -> name);
        registry.add("poa.registry.password", () -> password);
    }

    /**
     * {@link #register}, then ingest turned on for a hub on {@code port} (a {@code DEFINED_PORT} test) in consumer
     * group {@code group}, with the SENAVEX 2020 plan seeded and {@code writer} as the registry writer the hub
     * registers schemas as and the test's agents log in as.
     */
    public static TestDatabase registerWithIngest(DynamicPropertyRegistry registry, int port, String group,
                                                  String writer, String writerPassword) {
        TestDatabase db = register(registry);
        registry.add("server.port", () -> port);
        registry.add("poa.ingest.enabled", () -> "true");
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.ingest.group-id", () -> group);
        registry.add("poa.ingest.poll-timeout-ms", () -> "200");
        registerRegistryWriter(registry, 1, writer, writerPassword);
        return db;
    }

    /**
     * Points the hub at a broker of the test's own without authentication (a {@code KraftBroker} it stops or kills)
     * instead of the shared secured one.
     */
    public static void ownBroker(DynamicPropertyRegistry registry, java.util.function.Supplier<Object> bootstrap) {
        registry.add("poa.kafka.bootstrap-servers", bootstrap);
        registry.add("poa.kafka.security-protocol", () -> "PLAINTEXT");
        registry.add("poa.kafka.username", () -> "");
        registry.add("poa.kafka.password", () -> "");
        registry.add("poa.kafka.agent-bootstrap-servers", bootstrap);
    }

    /**
     * A plain KRaft broker of the test class's own (for hubs registered with {@link #ownBroker}), in a temporary
     * directory; stopped and deleted when the JVM exits, after the test contexts that use it are closed.
     */
    public static KraftBroker startOwnBroker(String name) {
        try {
            Path dir = Files.createTempDirectory("poa-" + name + "-kafka-");
            KraftBroker broker = KraftBroker.builder(dir).maxHeap("256m").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory left behind is harmless
                }
            }, "poa-" + name + "-kafka-stop"));
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer group of its own, so that the hub reads every regional topic from the beginning. */
    public static String freshGroup() {
        return "poa-hub-" + UUID.randomUUID();
    }

    /** A local port free at the time of the call, for a hub the test must know the port of before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
