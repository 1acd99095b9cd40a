package org.poahub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the packaged run command the way the README does (with its default simulated agents, a simulated month every
 * few seconds) and stops it the way Ctrl-C does; then starts it again on the same data.
 */
class LocalStackIT {

    /**
     * Accepted reports of one region for one month and one operation (progress) or budget line (expenditure): the
     * simulator makes one, a duplicated month two. The deliberately invalid reports are rejected and not counted.
     */
    private static final String DUPLICATED_MONTHS = """
            select count(*) from (
              select region_code, operation_code, kind, object_code, funding_source,
                     date_trunc('month', coalesce(period_start, spent_on))
              from report where agent_id like 'agente-%' and status <> 'REJECTED'
              group by 1, 2, 3, 4, 5, 6 having count(*) > 1) duplicated""";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path home;

    private final int http = freePort();
    private final int kafka = freePort();
    private final int postgres = freePort();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void comesUpWithSimulatedAgentsStopsCleanlyAndARestartContinuesTheYearWithoutDuplicates() throws Exception {
        Process stack = start("first.log");
        try {
            awaitHealthy();
            assertThat(home.resolve("local-credentials.properties")).exists();
            assertThat(home.resolve("postgres/data/PG_VERSION")).exists();
            assertThat(home.resolve("kafka/kraft-logs/meta.properties")).exists();

            // The simulated agents' reports reach the hub: accepted from several regions, and some rejected.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
                try (Connection c = database()) {
                    assertThat(query(c, "select count(distinct region_code) from report where status <> 'REJECTED'"))
                            .as("regions with accepted reports").isGreaterThanOrEqualTo(2);
                    assertThat(query(c, "select count(*) from rejected_report where region_code in ('BO-L','BO-C','BO-S')"))
                            .as("rejected simulated reports").isGreaterThanOrEqualTo(1);
                    // each office closes the month gone by: review work waits for the analysts
                    assertThat(query(c, "select count(*) from review_period where fiscal_year = 2020 and "
                            + "region_code = 'BO-L' and state = 'PRESENTADO' and changed_by = 'regional-bo-l'"))
                            .as("months BO-L presented for review").isGreaterThanOrEqualTo(1);
                }
            });
            Properties credentials = new Properties();
            try (var in = Files.newBufferedReader(home.resolve("local-credentials.properties"))) {
                credentials.load(in);
            }
            assertThat(credentials.stringPropertyNames()).contains("agente-bo-l", "agente-bo-c", "agente-bo-s");

            theReconciliationShowsExactlyTheDeliberateDifferences(credentials.getProperty("consulta"));
            Path agentConfig = home.resolve("agents/BO-L/poa-agent.properties");
            assertThat(Files.readString(agentConfig)).contains("registry.user=agente-bo-l").doesNotContain("admin");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentConfig))).isEqualTo("rw-------");

            stopAndAssertNothingLeft(stack, "first.log");
        } finally {
            stack.destroyForcibly();
        }
        int monthBeforeRestart = simulatedMonth("BO-L");
        assertThat(monthBeforeRestart).isPositive();

        Process again = start("second.log");
        try {
            awaitHealthy();
            // The year goes on from the month after the last one generated, and no month is generated twice.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
                assertThat(simulatedMonth("BO-L")).isGreaterThan(monthBeforeRestart);
                try (Connection c = database()) {
                    assertThat(query(c, "select count(*) from report where agent_id = 'agente-bo-l' and "
                            + "coalesce(period_start, spent_on) >= date '2020-01-01' + make_interval(months => "
                            + monthBeforeRestart + ") and coalesce(period_start, spent_on) < date '2021-01-01'")).as("reports of a month simulated after the restart").isPositive();
                }
            });
            try (Connection c = database()) {
                assertThat(query(c, DUPLICATED_MONTHS)).as("operation-months reported twice").isZero();
            }
            stopAndAssertNothingLeft(again, "second.log");
        } finally {
            again.destroyForcibly();
        }
    }

    /**
     * The simulated SIGEP's quarter (the mapping loaded by the stack, the files dropped into the inbox and loaded by
     * the hub's route) reconciles with the regions' expenses except for exactly its three deliberate differences
     * (local-stack/README.md): BO-L's first accepted expense has no voucher, its second is Bs 10.00 higher in SIGEP,
     * and SIGEP has Bs 8,500.00 on partida 43120 that no region reported. Every other voucher and line matches.
     */
    private void theReconciliationShowsExactlyTheDeliberateDifferences(String consultaPassword) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            JsonNode summary = api("/api/finance/reconciliation/2020", consultaPassword);
            String cutOff = summary.path("cutOff").asString();
            assertThat(summary.path("executionExtract").path("cutOff").asString()).isEqualTo(cutOff);
            assertThat(summary.path("voucherExtract").path("cutOff").asString()).isEqualTo(cutOff);
            JsonNode vouchers = api("/api/finance/reconciliation/2020/vouchers", consultaPassword);
            JsonNode lines = api("/api/finance/reconciliation/2020/lines?status=DIFERENCIA", consultaPassword);
            // all three read from one run
            assertThat(api("/api/finance/reconciliation/2020", consultaPassword).path("runId").asLong())
                    .isEqualTo(summary.path("runId").asLong());

            long expenses;
            List<String> firstTwo = new java.util.ArrayList<>();
            try (Connection c = database()) {
                String accepted = "from report where kind = 'EXPENDITURE' and status <> 'REJECTED' and fiscal_year ="
                        + " 2020 and spent_on <= date '" + cutOff + "'";
                expenses = query(c, "select count(*) " + accepted);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select document_number "
                        + accepted + " and region_code = 'BO-L' order by sequence limit 2")) {
                    while (rs.next()) {
                        firstTwo.add(rs.getString(1));
                    }
                }
            }
            assertThat(summary.path("reportsCounted").asLong()).isEqualTo(expenses).isGreaterThan(2);

            // lines: one DIFERENCIA of Bs 10.00, one SOLO_EN_SIGEP of Bs 8,500.00, everything else CONCILIADO
            assertThat(status(summary.path("lines"), "DIFERENCIA").path("count").asInt()).isEqualTo(1);
            assertThat(status(summary.path("lines"), "DIFERENCIA").path("difference").decimalValue())
                    .isEqualByComparingTo("10.00");
            assertThat(status(summary.path("lines"), "SOLO_EN_SIGEP").path("count").asInt()).isEqualTo(1);
            assertThat(status(summary.path("lines"), "SOLO_EN_SIGEP").path("sigep").decimalValue())
                    .isEqualByComparingTo("8500.00");
            assertThat(status(summary.path("lines"), "SOLO_EN_REGIONALES").path("count").asInt()).isZero();
            assertThat(summary.path("linesTotal").path("difference").decimalValue()).isEqualByComparingTo("8510.00");
            assertThat(lines.get(0).path("regionCode").asString()).isEqualTo("BO-L");
            assertThat(lines.get(0).path("difference").decimalValue()).isEqualByComparingTo("10.00");

            // vouchers: the first BO-L expense's is missing, the second's is Bs 10.00 higher, one nobody claims
            assertThat(status(summary.path("vouchers"), "CONCILIADO").path("count").asLong()).isEqualTo(expenses - 2);
            assertThat(summary.path("findingsTotal").asLong()).isEqualTo(expenses + 1);
            List<String> differences = new java.util.ArrayList<>();
            for (JsonNode f : vouchers) {
                if (!f.path("finding").asString().equals("CONCILIADO")) {
                    differences.add(f.path("finding").asString() + " " + f.path("number").asString() + " "
                            + amount(f.path("sigepAmount")) + " " + amount(f.path("regionalAmount")));
                }
            }
            JsonNode offByTen = null;
            for (JsonNode f : vouchers) {
                if (f.path("finding").asString().equals("DIFERENCIA_IMPORTE")) {
                    offByTen = f;
                }
            }
            assertThat(differences).hasSize(3);
            assertThat(differences).filteredOn(d -> d.startsWith("SOLO_EN_REGIONALES " + firstTwo.get(0) + " "))
                    .hasSize(1);
            assertThat(differences).filteredOn(d -> d.startsWith("DIFERENCIA_IMPORTE " + firstTwo.get(1) + " "))
                    .hasSize(1);
            assertThat(differences).filteredOn(d -> d.startsWith("SOLO_EN_SIGEP 90001 8500.00")).hasSize(1);
            assertThat(offByTen.path("sigepAmount").decimalValue().subtract(offByTen.path("regionalAmount")
                    .decimalValue())).isEqualByComparingTo("10.00");
        });
        // the hub loaded every file dropped, none refused
        assertThat(home.resolve("finanzas/entrada/procesados")).isDirectoryContaining("glob:**ejecucion-senavex-2020-03-31*.csv");
        assertThat(home.resolve("finanzas/entrada/con-errores")).doesNotExist();
    }

    private JsonNode api(String path, String consultaPassword) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + http + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("consulta:" + consultaPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode status(JsonNode totals, String name) {
        for (JsonNode t : totals) {
            if ((t.has("status") ? t.path("status") : t.path("finding")).asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no " + name + " in " + totals);
    }

    private static String amount(JsonNode value) {
        return value.isNumber() ? value.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : "-";
    }

    private Process start(String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-jar", Path.of("target", "poa-local.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(log).toFile());
        builder.environment().put("POA_HOME", home.toString());
        builder.environment().put("POA_HTTP_PORT", String.valueOf(http));
        builder.environment().put("POA_LOCAL_KAFKA_PORT", String.valueOf(kafka));
        builder.environment().put("POA_LOCAL_POSTGRES_PORT", String.valueOf(postgres));
        builder.environment().put("POA_LOCAL_AGENT_MONTH_SECONDS", "5"); // default agents BO-L, BO-C, BO-S
        return builder.start();
    }

    private void awaitHealthy() {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/actuator/health")).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            String body = client.send(health, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("\"status\":\"UP\"")
                    .contains("\"kafka\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
        });
    }

    private void stopAndAssertNothingLeft(Process stack, String log) throws Exception {
        List<ProcessHandle> children = stack.descendants().toList();
        assertThat(children).as("the Kafka broker runs as a child JVM").isNotEmpty();
        long postgresPid = Long.parseLong(Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(0).trim());

        stack.destroy(); // SIGTERM runs the same shutdown hook as Ctrl-C
        assertThat(stack.waitFor(90, TimeUnit.SECONDS)).as("stack stopped").isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        });
        assertThat(home.resolve("postgres/data/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
        String output = Files.readString(home.resolve(log));
        assertThat(output).contains("Local stack stopped");
        assertThat(output.indexOf("Simulated agents stopped")).as("agents stop before the hub").isPositive()
                .isLessThan(output.indexOf("Commencing graceful shutdown"));
    }

    private int simulatedMonth(String region) throws IOException {
        return Integer.parseInt(Files.readString(home.resolve("agents").resolve(region).resolve("simulated-month")).trim());
    }

    /** As the hub connects: the database owner {@code poa_hub}, with the password the stack generated. */
    private Connection database() throws SQLException, IOException {
        Properties credentials = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("local-credentials.properties"))) {
            credentials.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres + "/poa", "poa_hub",
                credentials.getProperty("postgres.poa_hub"));
    }

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
