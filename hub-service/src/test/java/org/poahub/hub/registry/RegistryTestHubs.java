package org.poahub.hub.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poahub.hub.HubApplication;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole hubs a registry test starts on one fresh database, ingest off, with a registry writer and one agent login. */
final class RegistryTestHubs implements AutoCloseable {

    static final String WRITER = "writer";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final List<ConfigurableApplicationContext> hubs = new ArrayList<>();
    private final String writerPassword;
    private final String agent;
    private final String agentPassword;

    RegistryTestHubs(String writerPassword, String agent, String agentPassword) {
        this.writerPassword = writerPassword;
        this.agent = agent;
        this.agentPassword = agentPassword;
    }

    /** A hub on a random port; {@code extra} adds properties or overrides these, e.g. {@code server.port}. */
    ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.putAll(TestKafka.hubSettings());
        properties.put("server.port", "0");
        properties.put("poa.ingest.enabled", "false"); // these hubs share the test broker with IngestIT
        properties.put("poa.security.users[0].name", WRITER);
        properties.put("poa.security.users[0].password", "{noop}" + writerPassword);
        properties.put("poa.security.users[0].roles[0]", "ESQUEMAS");
        properties.put("poa.security.allow-plain-text-passwords", "true");
        properties.put("poa.security.users[1].name", agent);
        properties.put("poa.security.users[1].password", "{noop}" + agentPassword);
        properties.put("poa.security.users[1].roles[0]", "AGENTE");
        properties.putAll(extra);
        // Command-line arguments, because default properties would lose to application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(args);
        hubs.add(hub);
        return hub;
    }

    /** Closes every hub started, also those a test has closed already. */
    @Override
    public void close() {
        hubs.forEach(ConfigurableApplicationContext::close);
    }
}
