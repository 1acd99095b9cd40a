package org.poahub.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.poahub.hub.HubApplication;
import org.poahub.hub.registry.ReportSchemaRegistrar;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real hub in this JVM (ingest on, the shipped SENAVEX 2020 plan seeded into a fresh PostgreSQL database) and a
 * KRaft broker of its own with two listeners: the hub's, and the agents', which advertises a proxy's port so an
 * agent's every connection can go through a fault-injecting proxy while the hub's link stays clean.
 */
final class HubUnderTest implements AutoCloseable {

    static final String AGENT_USER = "agentes";
    static final String AGENT_PASSWORD = UUID.randomUUID().toString();
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

    private final KraftBroker broker;
    private final int agentListenerPort;
    private final TestDatabase database;
    private final ConfigurableApplicationContext hub;
    private final int httpPort;

    private HubUnderTest(KraftBroker broker, int agentListenerPort, TestDatabase database,
                         ConfigurableApplicationContext hub, int httpPort) {
        this.broker = broker;
        this.agentListenerPort = agentListenerPort;
        this.database = database;
        this.hub = hub;
        this.httpPort = httpPort;
    }

    /** @param agentProxyPort the port the agents' listener advertises (a proxy forwarding to {@link #agentListenerPort()}) */
    static HubUnderTest start(Path dir, int agentProxyPort) {
        int agentPort = freePort();
        KraftBroker broker = brokerWithAgentListener(dir.resolve("broker"), agentPort, agentProxyPort);
        try {
            TestDatabase database = TestPostgres.freshDatabase();
            int httpPort = freePort();
            List<String> args = arguments(hubSettings(database, broker.bootstrapServers(), httpPort));
            ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class)
                    .registerShutdownHook(false).run(args.toArray(String[]::new));
            HubUnderTest started = new HubUnderTest(broker, agentPort, database, hub, httpPort);
            // agents never register schemas: the hub registers every report schema version under each regional subject
            hub.getBean(ReportSchemaRegistrar.class).completion().get(3, TimeUnit.MINUTES);
            return started;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            broker.close();
            throw new IllegalStateException("The hub did not register the report schemas", e);
        }
    }

    /**
     * A PLAINTEXT KRaft broker with two listeners: the hub's ({@link KraftBroker#bootstrapServers()}), and the agents'
     * on {@code agentPort}, which advertises {@code agentProxyPort} so every agent connection goes through a proxy
     * there. Restarting it ({@link KraftBroker#restart()}) keeps both ports.
     */
    static KraftBroker brokerWithAgentListener(Path dir, int agentPort, int agentProxyPort) {
        int hubPort = freePort();
        int controllerPort = freePort();
        return KraftBroker.builder(dir).port(hubPort).maxHeap("384m")
                .property("listeners", "PLAINTEXT://127.0.0.1:" + hubPort + ",AGENTS://127.0.0.1:" + agentPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort)
                .property("controller.quorum.voters", "1@127.0.0.1:" + controllerPort)
                .property("advertised.listeners", "PLAINTEXT://127.0.0.1:" + hubPort
                        + ",AGENTS://127.0.0.1:" + agentProxyPort)
                .property("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,AGENTS:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .property("auto.create.topics.enable", "false")
                .start();
    }

    /**
     * The hub's settings in these tests: ingest on, the SENAVEX 2020 plan seeded into an empty database, an admin
     * (who also registers the report schemas) and the agents' registry user {@link #AGENT_USER}.
     */
    static Map<String, Object> hubSettings(TestDatabase database, String bootstrap, int httpPort) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.user());
        settings.put("spring.datasource.password", database.password());
        settings.put("poa.kafka.bootstrap-servers", bootstrap);
        settings.put("server.port", httpPort);
        settings.put("poa.ingest.enabled", true);
        settings.put("poa.ingest.poll-timeout-ms", 200);
        settings.put("poa.plan.seed-on-empty", true);
        settings.put("poa.security.users[0].name", ADMIN);
        settings.put("poa.security.users[0].password", "{noop}" + ADMIN_PASSWORD);
        settings.put("poa.security.users[0].roles[0]", "ADMIN");
        settings.put("poa.security.users[1].name", AGENT_USER);
        settings.put("poa.security.users[1].password", "{noop}" + AGENT_PASSWORD);
        settings.put("poa.security.users[1].roles[0]", "AGENTE");
        settings.put("poa.security.allow-plain-text-passwords", true);
        settings.put("poa.registry.username", ADMIN);
        settings.put("poa.registry.password", ADMIN_PASSWORD);
        return settings;
    }

    /** Spring Boot command-line arguments ({@code --key=value}) for settings. */
    static List<String> arguments(Map<String, Object> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    /** Where an agent connects without a proxy: the hub's own listener. */
    String directBootstrap() {
        return broker.bootstrapServers();
    }

    /** The agents' listener, for the proxy to forward to. */
    int agentListenerPort() {
        return agentListenerPort;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    HubFigures figures() {
        return new HubFigures(JdbcClient.create(database.dataSource()));
    }

    @Override
    public void close() {
        try {
            hub.close();
        } finally {
            broker.close();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
