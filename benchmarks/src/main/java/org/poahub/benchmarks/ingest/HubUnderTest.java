package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.poahub.hub.HubApplication;
import org.poahub.hub.ingest.IngestProperties;
import org.poahub.hub.plan.PlanService;
import org.poahub.plan.Plan;
import org.poahub.routes.ingest.ReportIngestRoute;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real hub (Spring Boot application, its embedded schema registry, the ingest routes) started in this JVM on a
 * given broker and database, with the shipped SENAVEX 2020 plan seeded, as the local stack starts it. The ingest
 * route is stopped right after start so reports can be preloaded; {@link #startIngest()} starts the timed drain.
 */
final class HubUnderTest implements AutoCloseable {

    static final String USER = "bench";
    static final String READER = "bench-analista";
    private final String password = UUID.randomUUID().toString();
    private final int port = freePort();
    /** Inside the group prefix the hub's principal may use ({@code RegionAcls.forHub}). */
    private final String groupId = "poa-hub-bench-" + UUID.randomUUID();
    private final ConfigurableApplicationContext context;

    /** A hub with its own default batch ({@link #maxPollRecords()}). */
    HubUnderTest(String bootstrapServers, TestDatabase database, int partitions) {
        this(bootstrapServers, database, partitions, Map.of());
    }

    HubUnderTest(String bootstrapServers, TestDatabase database, int partitions, int maxPollRecords) {
        this(bootstrapServers, database, partitions, Map.of("poa.ingest.max-poll-records", maxPollRecords));
    }

    private HubUnderTest(String bootstrapServers, TestDatabase database, int partitions,
                         Map<String, Object> ingest) {
        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("spring.datasource.url", database.jdbcUrl());
        hub.put("spring.datasource.username", database.user());
        hub.put("spring.datasource.password", database.password());
        hub.put("poa.kafka.bootstrap-servers", bootstrapServers);
        if (bootstrapServers.equals(TestKafka.bootstrapServers())) {
            hub.putAll(TestKafka.hubSettings()); // the hub's own principal on the secured test broker
        }
        hub.put("server.port", port);
        hub.put("poa.plan.seed-on-empty", true);
        hub.put("poa.ingest.enabled", true);
        hub.put("poa.ingest.group-id", groupId);
        hub.put("poa.ingest.topic-partitions", partitions);
        hub.putAll(ingest);
        // One registrar account (role ESQUEMAS) both writes the report schemas (as the agents would) and lets the hub
        // register its outcome schema.
        hub.put("poa.security.users[0].name", USER);
        hub.put("poa.security.users[0].password", "{noop}" + password);
        hub.put("poa.security.users[0].roles[0]", "ESQUEMAS");
        // A staff account for the read endpoints (ANALISTA reads every national view, the review and the audit).
        hub.put("poa.security.users[1].name", READER);
        hub.put("poa.security.users[1].password", "{noop}" + password);
        hub.put("poa.security.users[1].roles[0]", "ANALISTA");
        hub.put("poa.security.allow-plain-text-passwords", true);
        hub.put("poa.registry.username", USER);
        hub.put("poa.registry.password", password);
        hub.put("logging.level.root", "WARN");
        List<String> args = new ArrayList<>();
        hub.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = new SpringApplicationBuilder(HubApplication.class).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        stopIngest();
    }

    String registryUrl() {
        return "http://localhost:" + port;
    }

    /** {@code user:password} of the hub's ANALISTA account. */
    String readerUserInfo() {
        return READER + ":" + password;
    }

    String registryUserInfo() {
        return USER + ":" + password;
    }

    String groupId() {
        return groupId;
    }

    /** The largest batch the hub's ingest takes, as it bound {@code poa.ingest.max-poll-records}. */
    int maxPollRecords() {
        return bean(IngestProperties.class).maxPollRecords();
    }

    /** The plan the hub validates against: the newest stored version of the year. */
    Plan plan(int fiscalYear) {
        PlanService plans = context.getBean(PlanService.class);
        return plans.plan(plans.version(fiscalYear, null)
                .orElseThrow(() -> new IllegalStateException("The hub holds no plan for " + fiscalYear)));
    }

    /** One of the hub's beans, for a harness that calls a service directly (as a route or a controller would). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    void startIngest() {
        try {
            context.getBean(CamelContext.class).getRouteController().startRoute(ReportIngestRoute.ROUTE_ID);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the ingest route", e);
        }
    }

    void stopIngest() {
        try {
            context.getBean(CamelContext.class).getRouteController().stopRoute(ReportIngestRoute.ROUTE_ID);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the ingest route", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
