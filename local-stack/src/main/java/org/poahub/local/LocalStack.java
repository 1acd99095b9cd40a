package org.poahub.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.poahub.hub.HubApplication;
import org.poahub.hub.registry.ReportSchemaRegistrar;
import org.poahub.testkit.EmbeddedPostgresServer;
import org.poahub.testkit.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: starts PostgreSQL, a KRaft Kafka broker, the hub and simulated regional agents on this
 * machine, with every byte of data under {@code ./var} (kept between runs). Ctrl-C stops them all: agents, hub,
 * broker, PostgreSQL.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            // One line, no stack trace: the operator typed a bad value.
            System.err.println("poa-local: valor de configuración inválido / invalid setting: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path var = settings.home();
        log.info("poa-hub local stack: data under {}", var);

        StalePostgres.stopIfRunning(var.resolve("postgres/data"));
        // The stop hook is in place before anything starts, so a Ctrl-C at any moment stops what is already up.
        RunningStack running = new RunningStack();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.stop(var), "poa-local-stop"));

        LocalCredentials credentials = LocalCredentials.loadOrCreate(var.resolve("local-credentials.properties"),
                settings.agentRegions());
        EmbeddedPostgresServer postgres = LocalDatabase.start(var, settings.postgresPort(), credentials);
        running.postgres = postgres;
        log.info("PostgreSQL ready on 127.0.0.1:{} (hub role {}, passwords in {})", postgres.port(),
                LocalDatabase.OWNER, credentials.file());

        KraftBroker broker = LocalBroker.start(var, settings);
        running.broker = broker;
        LocalBroker.createAccounts(broker, credentials, settings.agentRegions());
        log.info("Kafka ready on {} (hub, SASL) and {} (agents, TLS); CA certificate {}", broker.bootstrapServers(),
                broker.agentBootstrapServers(), broker.security().certificates().caCertificate());

        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("spring.datasource.url", postgres.jdbcUrl(LocalDatabase.DATABASE));
        hub.put("spring.datasource.username", LocalDatabase.OWNER);
        hub.put("spring.datasource.password", LocalDatabase.ownerPassword(credentials));
        hub.putAll(LocalBroker.hubProperties(broker, credentials));
        hub.put("poa.provisioning.registry-url", "http://localhost:" + settings.httpPort());
        hub.put("server.address", settings.httpAddress());
        hub.put("server.port", settings.httpPort());
        hub.put("poa.plan.seed-on-empty", true); // load the shipped SENAVEX 2020 plan on first start
        hub.putAll(LocalFinance.hubProperties(var)); // SIGEP extracts dropped in var/finanzas/entrada
        // Kafka clients print their whole configuration at INFO, once per client (the hub's and each agent's).
        hub.put("logging.level.org.apache.kafka", "WARN");
        hub.putAll(credentials.hubProperties());
        // The hub registers the schemas it writes (plan snapshots, outcomes) in its own registry.
        hub.put("poa.registry.username", LocalCredentials.REGISTRAR);
        hub.put("poa.registry.password", credentials.password(LocalCredentials.REGISTRAR));

        // As command-line arguments: they outrank application.yml, while the user's own arguments come last and win.
        List<String> hubArgs = new ArrayList<>();
        hub.forEach((key, value) -> hubArgs.add("--" + key + "=" + value));
        hubArgs.addAll(List.of(args));
        running.hub = new SpringApplicationBuilder(HubApplication.class)
                .registerShutdownHook(false)
                .run(hubArgs.toArray(String[]::new));
        LocalFinance.loadIllustrativeMapping(running.hub);

        log.info("""

                poa-hub is up: http://localhost:{}/actuator/health
                  API users and passwords: {}
                  Kafka: {} (hub)   {} (agents, TLS)   PostgreSQL: {}
                  SIGEP extracts (each simulated quarter, and your own): {}
                  Ctrl-C stops everything; data stays in {}
                """, settings.httpPort(), credentials.file(), broker.bootstrapServers(), broker.agentBootstrapServers(),
                postgres.jdbcUrl("poa"), LocalFinance.inbox(var), var);

        if (!settings.agentRegions().isEmpty()) {
            awaitReportSchemas(running.hub);
            SimulatedAgents agents = new SimulatedAgents();
            running.agents = agents;
            agents.start(settings, credentials, broker, "http://localhost:" + settings.httpPort());
            running.sigep = LocalFinance.startSigep(var, running.hub, agents);
        }
    }

    /** Agents never register schemas: they start once the hub has registered the report schemas of every region. */
    private static void awaitReportSchemas(ConfigurableApplicationContext hub) {
        try {
            hub.getBean(ReportSchemaRegistrar.class).completion().get(2, TimeUnit.MINUTES);
        } catch (NoSuchBeanDefinitionException e) {
            log.warn("Report schema registration is off; simulated agents retry until the schemas are registered");
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Report schemas not registered yet ({}); simulated agents retry until they are", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
