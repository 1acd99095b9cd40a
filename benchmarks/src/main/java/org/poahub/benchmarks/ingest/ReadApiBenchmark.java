package org.poahub.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.poahub.contract.Topics;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;

/**
 * The hub's read endpoints, and the requests of the dashboard's first load, timed over HTTP with N reports from 90
 * agents in the database (issue 14's target: ≤ 300 ms p95 with 1,000,000 reports). The real hub on the testkit's
 * embedded broker and PostgreSQL drains N generated reports (as {@link IngestBenchmark} does), stops ingesting, then
 * every endpoint is asked {@code --warmup} times and timed {@code --requests} times, one request at a time, as an
 * ANALISTA (who may read every view). The dashboard's first load is the sequence its script runs: the plans, then
 * seven requests at once; timed until the last answer, which is when the browser can paint the figures (the browser's
 * own rendering is not included). Progress to stderr, the Markdown table to stdout. See docs/benchmarks.md.
 */
public final class ReadApiBenchmark {


    private static final List<String> ENDPOINTS = List.of(
            "/api/plans",
            "/api/consolidation/2020/summary",
            "/api/consolidation/2020/objectives/11",
            "/api/consolidation/2020/operations/11.04.02",
            "/api/consolidation/2020/alerts",
            "/api/consolidation/2020/expenditure",
            "/api/consolidation/2020/monthly",
            "/api/consolidation/2020/regions",
            "/api/rejected-reports?size=20",
            "/api/agents",
            "/api/review/2020",
            "/api/audit",
            "/api/consolidation/2020/export.xlsx",
            "/api/reports/2020/seguimiento?trimestre=2&formato=pdf",
            "/api/reports/2020/seguimiento?trimestre=2&formato=xlsx");

    /** What tablero.js and graficos.js ask for once the plans are known (tablero.js refresh(), graficos.js). */
    private static final List<String> FIRST_LOAD = List.of(
            "/api/consolidation/2020/summary",
            "/api/consolidation/2020/alerts",
            "/api/consolidation/2020/expenditure",
            "/api/rejected-reports?size=20",
            "/api/agents",
            "/api/consolidation/2020/monthly",
            "/api/consolidation/2020/regions");

    private final int reports;
    private final int agentsPerRegion;
    private final int warmup;
    private final int requests;
    /** with more than 0, {@link ReconciliationBenchmark}'s measurement follows on the same database */
    private final int vouchers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String authorization;

    private ReadApiBenchmark(int reports, int agentsPerRegion, int warmup, int requests, int vouchers) {
        this.vouchers = vouchers;
        this.reports = reports;
        this.agentsPerRegion = agentsPerRegion;
        this.warmup = warmup;
        this.requests = requests;
    }

    public static void main(String[] args) {
        Map<String, Integer> options = IntOptions.parse(args, Map.of("--reports", 1_000_000,
                "--agents-per-region", 10, "--warmup", 20, "--requests", 200, "--vouchers", 0));
        int status = 0;
        try {
            new ReadApiBenchmark(options.get("--reports"), options.get("--agents-per-region"), options.get("--warmup"),
                    options.get("--requests"), options.get("--vouchers")).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        TestDatabase database = TestPostgres.freshDatabase();
        try (HubUnderTest hub = new HubUnderTest(TestKafka.bootstrapServers(), database, 3, 500)) {
            base = hub.registryUrl();
            authorization = "Basic " + Base64.getEncoder()
                    .encodeToString(hub.readerUserInfo().getBytes(StandardCharsets.UTF_8));
            PreloadedHub.preload(hub, database, reports, agentsPerRegion, ReadApiBenchmark::log);
            log("hub holds %,d reports; timing %d requests per endpoint after %d warm-up", reports, requests, warmup);

            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%n| request (%,d reports, %d agents) | p50 | p95 | max | bytes |%n|---|---:|---:|---:|---:|%n",
                    reports, agentsPerRegion * Topics.REGION_CODES.size()));
            for (String endpoint : ENDPOINTS) {
                Histogram histogram = new Histogram(3);
                long bytes = 0;
                for (int i = 0; i < warmup + requests; i++) {
                    long start = System.nanoTime();
                    bytes = get(endpoint).length;
                    if (i >= warmup) {
                        histogram.recordValue((System.nanoTime() - start) / 1_000);
                    }
                }
                table.append(row("`GET " + endpoint + "`", histogram, bytes));
                log("%s: p95 %.1f ms", endpoint, histogram.getValueAtPercentile(95) / 1000.0);
            }
            Histogram firstLoad = new Histogram(3);
            for (int i = 0; i < warmup + requests; i++) {
                long start = System.nanoTime();
                get("/api/plans");
                List<CompletableFuture<byte[]>> all = new ArrayList<>();
                FIRST_LOAD.forEach(path -> all.add(getAsync(path)));
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                if (i >= warmup) {
                    firstLoad.recordValue((System.nanoTime() - start) / 1_000);
                }
            }
            table.append(row("dashboard's first load (plans, then 7 requests at once)", firstLoad, 0));
            System.out.println(table);
            log("timing the queries V26 replaced against the ones that replaced them");
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
                System.out.println(ReplacedQueries.timed(c, warmup, requests));
            }
            if (vouchers > 0) {
                log("reconciling %,d vouchers against the same reports", vouchers);
                System.out.println(ReconciliationBenchmark.measure(hub, database, reports, vouchers, 3));
            }
        }
    }

    private static String row(String what, Histogram histogram, long bytes) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n", what,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getMaxValue() / 1000.0, bytes == 0 ? "" : String.format(Locale.ROOT, "%,d", bytes));
    }

    private byte[] get(String path) throws Exception {
        return check(path, http.send(request(path), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private CompletableFuture<byte[]> getAsync(String path) {
        return http.sendAsync(request(path), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> check(path, r));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .timeout(Duration.ofMinutes(2)).GET().build();
    }

    private static byte[] check(String path, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static void log(String message) {
        log("%s", message);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
