package org.poahub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every endpoint × every role against a real hub and a real PostgreSQL, over HTTP: who is let through and who is
 * refused (401 without credentials, 403 with a role that may not, and 403 for an anonymous write, which has no CSRF
 * token either). "Let through" means any status but 401/403 (a
 * write with a deliberately bad body answers 400/404/422, so nothing changes). To cover a new endpoint, add one line
 * to {@link #TABLE}. Region scope (a REGIONAL user of BO-L) is checked on the data the endpoints return.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    enum Caller { ANONYMOUS, CONSULTA, ANALISTA, PLANIFICADOR, ADMIN, REGIONAL, AGENTE, ESQUEMAS }

    static final String PASSWORD = UUID.randomUUID().toString();
    static final Set<Caller> NATIONAL = EnumSet.of(Caller.CONSULTA, Caller.ANALISTA, Caller.PLANIFICADOR, Caller.ADMIN);
    static final Set<Caller> STAFF = union(NATIONAL, EnumSet.of(Caller.REGIONAL));
    static final Set<Caller> REGISTRY_READERS = EnumSet.of(Caller.AGENTE, Caller.ESQUEMAS, Caller.ADMIN);
    static final Set<Caller> REGISTRY_WRITERS = EnumSet.of(Caller.ESQUEMAS, Caller.ADMIN);
    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);

    /** One request and the callers allowed through. */
    record Rule(String method, String path, String body, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Rule get(String path, Set<Caller> allowed) {
        return new Rule("GET", path, null, allowed);
    }

    static Rule send(String method, String path, String body, Set<Caller> allowed) {
        return new Rule(method, path, body, allowed);
    }

    /** The URL table of docs/security.md, as requests. */
    static final List<Rule> TABLE = List.of(
            get("/actuator/health", EVERYONE),
            get("/api/session", EVERYONE),
            get("/login.html", EVERYONE),
            get("/actuator/prometheus", EnumSet.of(Caller.ADMIN)),
            get("/actuator/metrics", EnumSet.of(Caller.ADMIN)),
            get("/actuator/info", EnumSet.of(Caller.ADMIN)),
            get("/v3/api-docs", NATIONAL),
            // the dashboard
            get("/", STAFF),
            get("/index.html", STAFF),
            get("/tablero.js", STAFF),
            get("/usuarios.html", STAFF),
            get("/revision.html", STAFF),
            get("/revision.js", STAFF),
            get("/auditoria.html", EnumSet.of(Caller.ADMIN, Caller.ANALISTA)),
            get("/auditoria.js", EnumSet.of(Caller.ADMIN, Caller.ANALISTA)),
            get("/conciliacion.html", STAFF),
            get("/conciliacion.js", STAFF),
            // consolidation (REGIONAL scoped to its region's reports)
            get("/api/consolidation/2020/summary", STAFF),
            get("/api/consolidation/2020/objectives/11", STAFF),
            get("/api/consolidation/2020/operations/11.04.02", STAFF),
            get("/api/consolidation/2020/expenditure", STAFF),
            get("/api/consolidation/2020/alerts", STAFF),
            get("/api/consolidation/2020/export.xlsx?asOf=2020-06-30", STAFF),
            get("/api/rejected-reports", STAFF),
            get("/api/agents", STAFF),
            get("/api/agents/agent-bo-l", STAFF),
            // the plan
            get("/api/plans", STAFF),
            get("/api/plans/2020", STAFF),
            get("/api/plans/2020/totals", STAFF),
            get("/api/plans/2020/versions", STAFF),
            send("POST", "/api/plans", "", EnumSet.of(Caller.PLANIFICADOR)),
            // schema registry
            get("/subjects", REGISTRY_READERS),
            get("/schemas/ids/1", REGISTRY_READERS),
            get("/config", REGISTRY_READERS),
            get("/associations/resources/poa.bo-l.progress", REGISTRY_READERS),
            send("POST", "/subjects/acl-test-value/versions", "{}", REGISTRY_WRITERS),
            send("POST", "/subjects/acl-test-value", "{}", REGISTRY_READERS),
            send("POST", "/compatibility/subjects/acl-test-value/versions/latest", "{}", REGISTRY_READERS),
            send("PUT", "/config", "{}", REGISTRY_WRITERS),
            send("DELETE", "/subjects/acl-test-missing", null, REGISTRY_WRITERS),
            // administration and audit
            get("/api/admin/users", EnumSet.of(Caller.ADMIN)),
            send("POST", "/api/admin/users", "{}", EnumSet.of(Caller.ADMIN)),
            send("POST", "/api/admin/users/nobody-here/deactivation", null, EnumSet.of(Caller.ADMIN)),
            send("PUT", "/api/admin/users/nobody-here/role", "{}", EnumSet.of(Caller.ADMIN)),
            get("/api/admin/settings", EnumSet.of(Caller.ADMIN)),
            get("/api/audit", EnumSet.of(Caller.ADMIN, Caller.ANALISTA)),
            get("/api/audit/verification", EnumSet.of(Caller.ADMIN, Caller.ANALISTA)),
            get("/api/audit/export.xlsx", EnumSet.of(Caller.ADMIN, Caller.ANALISTA)),
            // prefixes of features built elsewhere (their handlers add the per-action and per-region checks)
            get("/api/review/periods", STAFF),
            send("POST", "/api/review/periods/BO-L/2020-03/approval", "{}", EnumSet.of(Caller.ANALISTA, Caller.REGIONAL)),
            get("/api/review/2020", STAFF),
            get("/api/review/2020/2020-03/BO-L", STAFF),
            get("/api/finance/extracts", NATIONAL),
            send("POST", "/api/finance/extracts", "{}", EnumSet.of(Caller.PLANIFICADOR, Caller.ADMIN)),
            // reconciliation: read by all staff (REGIONAL scoped), run on demand by planners and ADMIN (409 here:
            // this hub has no mapping; 404 for the reads: no run yet)
            get("/api/finance/reconciliation/2020", STAFF),
            get("/api/finance/reconciliation/2020/lines", STAFF),
            get("/api/finance/reconciliation/2020/vouchers", STAFF),
            get("/api/finance/reconciliation/2020.xlsx", STAFF),
            send("POST", "/api/finance/reconciliation/2020", null, EnumSet.of(Caller.PLANIFICADOR, Caller.ADMIN)),
            // quarterly physical-financial follow-up: national figures, read by national staff
            get("/api/finance/efficiency/2020/q1", NATIONAL),
            get("/api/finance/efficiency/2020/q1.xlsx", NATIONAL),
            // exports of the execution (finance-execution-out): national reads, planners and ADMIN export (400 here:
            // no such period, so nothing is written; 404: no such export)
            get("/api/finance/exports?year=2020", NATIONAL),
            get("/api/finance/exports/999", NATIONAL),
            get("/api/finance/exports/2020/2020-T9/execution", NATIONAL),
            send("POST", "/api/finance/exports/2020/2020-T9", null, EnumSet.of(Caller.PLANIFICADOR, Caller.ADMIN)),
            get("/api/reports/2020/q1", STAFF),
            // anything else is closed
            get("/api/unknown", NOBODY),
            send("POST", "/api/rejected-reports", "{}", NOBODY),
            send("DELETE", "/api/plans/2020", null, NOBODY));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
        int i = 1; // users[0] is RealServers' planner
        for (Caller caller : Caller.values()) {
            if (caller == Caller.ANONYMOUS) {
                continue;
            }
            String prefix = "poa.security.users[" + i++ + "].";
            registry.add(prefix + "name", () -> userName(caller));
            registry.add(prefix + "password", () -> "{noop}" + PASSWORD);
            registry.add(prefix + "roles[0]", caller::name);
            if (caller == Caller.REGIONAL || caller == Caller.AGENTE) {
                registry.add(prefix + "region", () -> "BO-L");
            }
        }
    }

    static String userName(Caller caller) {
        return "acl-" + caller.name().toLowerCase(java.util.Locale.ROOT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private long rejectedBoL;
    private long rejectedBoC;

    @BeforeAll
    void regionalData() {
        for (String region : List.of("BO-L", "BO-C")) {
            String suffix = region.substring(3).toLowerCase(java.util.Locale.ROOT);
            jdbc.sql("""
                    insert into rejected_report (region_code, code, message, route, rejected_at, topic,
                        kafka_partition, kafka_offset)
                    values (?, 'OPERATION_UNKNOWN', 'La operación no existe.', 'ingest-reports', now(), ?, 0, 1)""")
                    .params(region, "poa.bo-" + suffix + ".progress").update();
            jdbc.sql("""
                    insert into agent_sync_state (agent_id, region_code, last_message_id, last_reported_at,
                        last_received_at, highest_sequence)
                    values (?, ?, gen_random_uuid(), now(), now(), 1)""")
                    .params("agent-bo-" + suffix, region).update();
            jdbc.sql("insert into agent_sequence (agent_id, sequence) values (?, 1)").param("agent-bo-" + suffix).update();
            jdbc.sql("""
                    insert into consolidated_spend (fiscal_year, operation_code, region_code, object_group,
                        funding_source, spent, reports)
                    values (2020, '11.04.02', ?, '20000', 'Columna 1', 100.00, 1)""").param(region).update();
        }
        rejectedBoL = jdbc.sql("select id from rejected_report where region_code = 'BO-L'").query(Long.class).single();
        rejectedBoC = jdbc.sql("select id from rejected_report where region_code = 'BO-C'").query(Long.class).single();
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Rule rule : TABLE) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(rule, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndCaller")
    void eachEndpointLetsThroughOnlyItsRoles(Rule rule, Caller caller) {
        int status = call(rule.method(), rule.path(), rule.body(), caller).statusCode();

        if (rule.allowed().contains(caller)) {
            assertThat(status).as(rule + " as " + caller).isNotIn(401, 403);
        } else {
            // Anonymous writes meet the CSRF check (browser chain) before the login check: 403, as a forged post.
            int refused = caller != Caller.ANONYMOUS ? 403 : rule.method().equals("GET") ? 401 : 403;
            assertThat(status).as(rule + " as " + caller).isEqualTo(refused);
        }
    }

    @Test
    void aRegionalUserListsOnlyItsRegionsRejectedReportsAndAgents() {
        assertThat(items(getJson("/api/rejected-reports", Caller.REGIONAL)))
                .extracting(r -> r.path("regionCode").asString()).containsExactly("BO-L");
        assertThat(items(getJson("/api/rejected-reports", Caller.CONSULTA)))
                .extracting(r -> r.path("regionCode").asString()).containsExactlyInAnyOrder("BO-L", "BO-C");
        assertThat(items(getJson("/api/agents", Caller.REGIONAL)))
                .extracting(a -> a.path("agentId").asString()).containsExactly("agent-bo-l");
        assertThat(items(getJson("/api/agents", Caller.ANALISTA)))
                .extracting(a -> a.path("agentId").asString()).contains("agent-bo-l", "agent-bo-c");
    }

    @Test
    void aRegionalUserIsRefusedAnotherRegionsDataWithASpanishReason() {
        HttpResponse<String> other = call("GET", "/api/rejected-reports?region=BO-C", null, Caller.REGIONAL);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json.readTree(other.body()).path("detail").asString())
                .isEqualTo("La región BO-C no corresponde a su cuenta.");
        assertThat(call("GET", "/api/rejected-reports?region=BO-L", null, Caller.REGIONAL).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/rejected-reports/" + rejectedBoC, null, Caller.REGIONAL).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/rejected-reports/" + rejectedBoL, null, Caller.REGIONAL).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/agents?region=BO-C", null, Caller.REGIONAL).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/agents/agent-bo-c", null, Caller.REGIONAL).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/agents/agent-bo-l", null, Caller.REGIONAL).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/rejected-reports/" + rejectedBoC, null, Caller.CONSULTA).statusCode()).isEqualTo(200);
    }

    @Test
    void aRegionalUsersConsolidationHoldsOnlyItsRegionsFigures() {
        JsonNode national = getJson("/api/consolidation/2020/expenditure?asOf=2020-06-30", Caller.PLANIFICADOR);
        JsonNode regional = getJson("/api/consolidation/2020/expenditure?asOf=2020-06-30", Caller.REGIONAL);

        assertThat(items(national.path("regions"))).extracting(r -> r.path("regionCode").asString())
                .containsExactly("BO-C", "BO-L");
        assertThat(items(regional.path("regions"))).extracting(r -> r.path("regionCode").asString())
                .containsExactly("BO-L");
        assertThat(regional.path("total").path("spent").decimalValue())
                .isEqualByComparingTo(national.path("total").path("spent").decimalValue().divide(
                        java.math.BigDecimal.valueOf(2)));
    }

    @Test
    void basicClientsGetNoSessionAndNoLoginRedirect() {
        HttpResponse<String> api = call("GET", "/api/plans", null, Caller.CONSULTA);
        assertThat(api.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        HttpResponse<String> wrong = HubHttp.send(HubHttp.request(port, "/api/plans", "acl-consulta:wrong").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"poa-hub\"");
        assertThat(json.readTree(wrong.body()).path("detail").asString()).isEqualTo("Usuario o contraseña incorrectos.");
    }

    private HttpResponse<String> call(String method, String path, String body, Caller caller) {
        String credentials = caller == Caller.ANONYMOUS ? null : userName(caller) + ":" + PASSWORD;
        HttpRequest.Builder request = HubHttp.request(port, path, credentials);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HubHttp.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, Caller caller) {
        HttpResponse<String> response = call("GET", path, null, caller);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<JsonNode> items(JsonNode pageOrArray) {
        JsonNode array = pageOrArray.isArray() ? pageOrArray : pageOrArray.path("items");
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }

    @SafeVarargs
    private static Set<Caller> union(Set<Caller>... sets) {
        Set<Caller> all = EnumSet.noneOf(Caller.class);
        for (Set<Caller> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
