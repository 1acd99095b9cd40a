package org.poahub.hub.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.poahub.hub.HubApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole hub started by a test on servers of the test's choosing (its own broker or PostgreSQL), with ingest on,
 * the SENAVEX 2020 plan seeded and a registry writer for the test's agents. Several can run side by side.
 */
final class TestHub implements AutoCloseable {

    static final String WRITER = "hub";
    /**
     * One password for every test hub of this JVM: accounts live in PostgreSQL and each hub ensures its configured
     * users at start, so two hubs on one database with passwords of their own would lock each other's agents out.
     */
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();

    private final ConfigurableApplicationContext context;
    private final int port;
    private final String writerPassword;

    private TestHub(ConfigurableApplicationContext context, int port, String writerPassword) {
        this.context = context;
        this.port = port;
        this.writerPassword = writerPassword;
    }

    /** @param extra more properties, e.g. {@code poa.ingest.group-id} to put several hubs in one group */
    static TestHub start(String jdbcUrl, String dbUser, String dbPassword, String bootstrapServers,
                         Map<String, String> extra) {
        return start(jdbcUrl, dbUser, dbPassword, bootstrapServers, extra, Map.of());
    }

    /** @param beans singletons added to the hub's context, e.g. a {@code BeforeOffsetCommit} that counts */
    static TestHub start(String jdbcUrl, String dbUser, String dbPassword, String bootstrapServers,
                         Map<String, String> extra, Map<String, Object> beans) {
        int port = freePort();
        String writerPassword = WRITER_PASSWORD;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", dbUser);
        properties.put("spring.datasource.password", dbPassword);
        properties.put("poa.kafka.bootstrap-servers", bootstrapServers);
        properties.put("server.port", String.valueOf(port));
        properties.put("poa.plan.seed-on-empty", "true");
        properties.put("poa.ingest.enabled", "true");
        properties.put("poa.ingest.group-id", "poa-hub-" + UUID.randomUUID());
        properties.put("poa.ingest.poll-timeout-ms", "200");
        properties.put("poa.security.users[0].name", WRITER);
        properties.put("poa.security.users[0].password", "{noop}" + writerPassword);
        properties.put("poa.security.users[0].roles[0]", "ESQUEMAS");
        properties.put("poa.security.allow-plain-text-passwords", "true");
        properties.put("poa.registry.username", WRITER);
        properties.put("poa.registry.password", writerPassword);
        properties.putAll(extra);
        // Command-line arguments, because default properties would lose to application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HubApplication.class)
                .initializers(c -> beans.forEach(c.getBeanFactory()::registerSingleton))
                .run(args);
        return new TestHub(context, port, writerPassword);
    }

    IngestTestClient client(String bootstrapServers) {
        return new IngestTestClient(bootstrapServers, "http://localhost:" + port, WRITER + ":" + writerPassword);
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    CamelContext camel() {
        return context.getBean(CamelContext.class);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
