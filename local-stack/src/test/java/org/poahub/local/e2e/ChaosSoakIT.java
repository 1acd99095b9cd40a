package org.poahub.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.poahub.agent.cli.AgentContext;
import org.poahub.agent.it.AgentITSupport;
import org.poahub.agent.it.AgentProcess;
import org.poahub.agent.simulate.Simulator;
import org.poahub.agent.store.ReportState;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.Topics;
import org.poahub.routes.ingest.IngestRejectionCodes;
import org.poahub.testkit.EmbeddedPostgresServer;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chaos soak (docs/resilience.md): nine regional agents (the packaged agent jar in child JVMs) send a year of
 * monthly reports while, inside one window, the hub (a child JVM) is killed with -9 and started again, the broker is
 * killed and restarted, PostgreSQL is restarted, the agents' link to the broker is partitioned (a frozen proxy) and
 * agents are killed with -9 every few seconds. The faults come from a logged seed ({@code -Dchaos.seed=} replays a
 * run). Afterwards every agent's outbox equals the hub's report rows (message id → value, one row each), the
 * consolidated spend and progress equal what the accepted reports say, every report has its receipt at its agent
 * with the hub's verdict, and the only rejections are the reports the offices got wrong on purpose. The longest
 * outage and the time to converge after the last fault are measured and logged (not asserted: speed is for
 * benchmarks).
 *
 * <p>The hub runs with the same settings as the other agent-to-hub tests plus a short ingest back-off
 * ({@code poa.ingest.retry-delay-ms=200}, {@code max-retry-delay-ms=2000}) and a 2 s database connection timeout,
 * as {@code PostgresOutageIT}; a hub that exits while starting (PostgreSQL or the broker down) is started again, as
 * its service manager would, and counted; a hub or agent that exits on its own once running fails the soak.
 */
class ChaosSoakIT {

    private static final List<String> REGIONS = List.of("BO-L", "BO-C", "BO-S", "BO-O", "BO-P", "BO-T", "BO-H",
            "BO-B", "BO-N");
    private static final long DEFAULT_SEED = 20261204L;
    private static final int FISCAL_YEAR = 2020;
    /** The faults start inside this window; the offices record months 2 … 12 over it. */
    private static final Duration WINDOW = Duration.ofSeconds(80);
    private static final Duration MONTH = Duration.ofSeconds(7);
    private static final double INVALID_SHARE = 0.05;
    /** Generous bounds for a loaded machine; a quiet one needs a fraction. */
    private static final Duration LONG = Duration.ofMinutes(5);
    /** The ingest route's own rejections (a report it could not process): none may happen in the soak. */
    private static final Set<String> ROUTE_REJECTIONS = Set.of(IngestRejectionCodes.UNDECODABLE,
            IngestRejectionCodes.WRONG_TOPIC, IngestRejectionCodes.PROCESSING_FAILED);

    @TempDir
    Path dir;

    private final long seed = Long.getLong("chaos.seed", DEFAULT_SEED);
    private final Outages outages = new Outages();
    /** Processes that exited on their own once running: each fails the soak. */
    private final List<String> unexpectedExits = new CopyOnWriteArrayList<>();
    /** Hub starts that failed (PostgreSQL or the broker down at start-up): counted, restarted. */
    private final List<String> failedHubStarts = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService chaos = Executors.newScheduledThreadPool(6, daemon("chaos"));
    private final ScheduledExecutorService offices = Executors.newScheduledThreadPool(2, daemon("office"));
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(daemon("supervisor"));
    private final AtomicReference<EmbeddedPostgresServer> postgres = new AtomicReference<>();
    private final AtomicReference<KraftBroker> broker = new AtomicReference<>();
    private final Map<String, SoakAgent> agents = new LinkedHashMap<>();
    private final Object hubLock = new Object();
    private NioReactor reactor;
    private TcpCrusher proxy;
    private HubProcess hub;
    private boolean hubWanted;
    private boolean hubReady;
    private TestDatabase database;
    private Instant windowStart;

    @Test
    void nineAgentsThroughKilledHubAndAgentsAPartitionABrokerAndAPostgresRestartEndWithEveryReportCountedOnce()
            throws Exception {
        Instant begun = Instant.now();
        ChaosPlan plan = ChaosPlan.random(seed, REGIONS, WINDOW);
        log(plan.toString());
        startServers();
        startAgents();
        // the faults hit a flow that works: every office's January has come back with the hub's verdict
        await().atMost(LONG).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(this::converged);
        log("servers and agents up, January delivered, in %.1f s", seconds(Duration.between(begun, Instant.now())));

        windowStart = Instant.now();
        supervisor.scheduleWithFixedDelay(this::supervise, 500, 500, TimeUnit.MILLISECONDS);
        List<CompletableFuture<Void>> faults = plan.faults().stream().map(this::schedule).toList();
        List<CompletableFuture<Void>> months = scheduleMonths();
        CompletableFuture<Void> all = CompletableFuture.allOf(
                CompletableFuture.allOf(faults.toArray(CompletableFuture[]::new)),
                CompletableFuture.allOf(months.toArray(CompletableFuture[]::new)));
        await().atMost(WINDOW.plus(LONG)).pollInterval(Duration.ofMillis(500)).until(all::isDone);
        all.get(); // a fault or a month that failed fails the soak here, with its cause
        Instant lastFault = outages.lastEnd();

        await().atMost(LONG).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(this::converged);
        Duration converged = Duration.between(lastFault, Instant.now());
        supervisor.shutdownNow();
        supervisor.awaitTermination(30, TimeUnit.SECONDS);

        report(converged, lastFault, Duration.between(begun, Instant.now()));
        assertEveryAgentEqualsTheHub();
        assertThat(unexpectedExits).as("processes that exited on their own once running").isEmpty();
    }

    // ---------------------------------------------------------------- servers

    private void startServers() throws Exception {
        postgres.set(TestPostgres.ownServer(dir.resolve("postgres")));
        postgres.get().ensureDatabase("poa");
        database = new TestDatabase(postgres.get().jdbcUrl("poa"), postgres.get().user(), postgres.get().password());
        int proxyPort = HubUnderTest.freePort();
        int agentPort = HubUnderTest.freePort();
        broker.set(HubUnderTest.brokerWithAgentListener(dir.resolve("broker"), agentPort, proxyPort));
        reactor = new NioReactor();
        proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", proxyPort).withConnectAddress("127.0.0.1", agentPort).buildAndOpen();

        Map<String, Object> settings = HubUnderTest.hubSettings(database, broker.get().bootstrapServers(),
                HubUnderTest.freePort());
        settings.put("poa.ingest.retry-delay-ms", 200);
        settings.put("poa.ingest.max-retry-delay-ms", 2000);
        settings.put("spring.datasource.hikari.connection-timeout", 2000);
        hub = new HubProcess(settings, dir);
        synchronized (hubLock) {
            hub.start();
            hubWanted = true;
        }
        await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> superviseHub() && hub.isReady());
        // agents never register schemas: the hub registers every report schema under each regional subject
        await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(this::everySubjectRegistered);
    }

    private boolean everySubjectRegistered() throws IOException, InterruptedException {
        String login = HubUnderTest.AGENT_USER + ":" + HubUnderTest.AGENT_PASSWORD;
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(hub.registryUrl() + "/subjects"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        login.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return subjects.statusCode() == 200 && REGIONS.stream().allMatch(region ->
                subjects.body().contains("\"" + Topics.progress(region) + "-value\"")
                        && subjects.body().contains("\"" + Topics.expenditure(region) + "-value\""));
    }

    /**
     * Restarts a hub that exited on its own (as its service manager would): while starting, because PostgreSQL or
     * the broker was down (counted), or once running (a failure of the soak).
     *
     * @return whether the hub's process runs
     */
    private boolean superviseHub() {
        synchronized (hubLock) {
            if (!hubWanted) {
                return false;
            }
            if (!hub.isAlive()) {
                String exit = String.format(Locale.ROOT, "%.1f s: the hub exited on its own %s", since(windowStart),
                        hubReady ? "while running" : "while starting");
                log(exit);
                (hubReady ? unexpectedExits : failedHubStarts).add(exit);
                hub.start();
                hubReady = false;
                return true;
            }
            if (!hubReady && hub.isReady()) {
                hubReady = true;
            }
            return true;
        }
    }

    private void supervise() {
        try {
            superviseHub();
            agents.values().forEach(SoakAgent::supervise);
        } catch (RuntimeException e) {
            log("supervisor: %s", e);
        }
    }

    // ---------------------------------------------------------------- faults

    private CompletableFuture<Void> schedule(ChaosPlan.Fault fault) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        chaos.schedule(() -> {
            try {
                Instant start = Instant.now();
                log("%.1f s: %s starts", since(windowStart), fault);
                Runnable undo = inject(fault);
                chaos.schedule(() -> {
                    try {
                        undo.run();
                        outages.ended(describe(fault), start, Instant.now());
                        log("%.1f s: %s %s over after %.1f s", since(windowStart), fault.kind(), fault.target(),
                                since(start));
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                }, fault.down().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, fault.at().toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Injects the fault; returns what undoes it and waits until the service answers again. */
    private Runnable inject(ChaosPlan.Fault fault) throws Exception {
        return switch (fault.kind()) {
            case HUB_KILL -> {
                synchronized (hubLock) {
                    hubWanted = false;
                    if (!hub.isAlive()) {
                        unexpectedExits.add("the hub was not running when the soak came to kill it");
                    }
                    hub.kill();
                }
                yield () -> {
                    synchronized (hubLock) {
                        hub.start();
                        hubReady = false;
                        hubWanted = true;
                    }
                    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> superviseHub() && hubReady);
                };
            }
            case BROKER_RESTART -> {
                broker.get().kill();
                yield () -> broker.set(broker.get().restart());
            }
            case POSTGRES_RESTART -> {
                postgres.get().close();
                yield () -> postgres.set(postgres.get().restart());
            }
            case PARTITION -> {
                proxy.freeze();
                yield proxy::unfreeze;
            }
            case AGENT_KILL -> {
                SoakAgent agent = agents.get(fault.target());
                agent.kill();
                yield agent::start;
            }
        };
    }

    private static String describe(ChaosPlan.Fault fault) {
        return switch (fault.kind()) {
            case HUB_KILL -> "hub killed (-9), restarted until its health is UP";
            case BROKER_RESTART -> "broker killed (-9), restarted until it answers";
            case POSTGRES_RESTART -> "PostgreSQL stopped, restarted";
            case PARTITION -> "agents' link to the broker partitioned";
            case AGENT_KILL -> "agent " + fault.target() + " killed (-9), restarted";
        };
    }

    // ---------------------------------------------------------------- agents and their offices

    /** One regional office: the agent service ({@code ejecutar}) in a child JVM, and its staff recording months. */
    private final class SoakAgent {
        private final String region;
        private final int index;
        private final AgentProcess agent;
        private final Path config;
        private Process running;
        private boolean down;

        SoakAgent(String region, int index) throws IOException {
            this.region = region;
            this.index = index;
            Path home = dir.resolve("agents").resolve(region);
            Properties settings = new Properties();
            settings.setProperty("agent.id", "agente-" + region.toLowerCase(Locale.ROOT));
            settings.setProperty("registry.user", HubUnderTest.AGENT_USER);
            settings.setProperty("registry.password", HubUnderTest.AGENT_PASSWORD);
            settings.setProperty("sync.page-size", "100");
            this.agent = new AgentProcess(home, region, "127.0.0.1:" + proxy.getBindAddress().getPort(),
                    hub.registryUrl(), settings);
            this.config = home.resolve("poa-agent.properties");
        }

        synchronized void start() {
            try {
                running = agent.start("ejecutar", "--sin-carpeta");
                down = false;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        synchronized void kill() throws InterruptedException {
            if (!running.isAlive()) {
                unexpectedExits.add("agent " + region + " was not running when the soak came to kill it");
            }
            down = true;
            AgentProcess.kill(running);
        }

        synchronized void supervise() {
            if (!down && running != null && !running.isAlive()) {
                String exit = String.format(Locale.ROOT, "%.1f s: agent %s exited on its own with status %d",
                        since(windowStart), region, running.exitValue());
                log(exit);
                unexpectedExits.add(exit);
                start();
            }
        }

        synchronized void stop() throws InterruptedException {
            down = true;
            if (running != null) {
                AgentProcess.stop(running);
            }
        }

        /**
         * The office's staff record one month beside the running service, as {@code poa-agente avance} would: the
         * agent's own simulator writes it into the outbox, a share deliberately invalid.
         */
        void record(int month) {
            try (AgentContext office = AgentContext.open(config)) {
                new Simulator(office.store(), office.factory(), seed * 1_000 + index * 100L + month)
                        .month(FISCAL_YEAR, month, INVALID_SHARE);
            }
        }
    }

    private void startAgents() throws IOException {
        for (int i = 0; i < REGIONS.size(); i++) {
            SoakAgent agent = new SoakAgent(REGIONS.get(i), i);
            agents.put(agent.region, agent);
            agent.record(1); // January waits in the outbox before the service first starts
        }
        agents.values().forEach(SoakAgent::start);
    }

    /** February … December, one month per office every {@link #MONTH}, the offices staggered. */
    private List<CompletableFuture<Void>> scheduleMonths() {
        List<CompletableFuture<Void>> months = new ArrayList<>();
        for (SoakAgent agent : agents.values()) {
            for (int month = 2; month <= 12; month++) {
                long at = (month - 2) * MONTH.toMillis() + agent.index * MONTH.toMillis() / REGIONS.size();
                int m = month;
                CompletableFuture<Void> done = new CompletableFuture<>();
                offices.schedule(() -> {
                    try {
                        agent.record(m);
                        done.complete(null);
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                }, at, TimeUnit.MILLISECONDS);
                months.add(done);
            }
        }
        return months;
    }

    // ---------------------------------------------------------------- checks

    /** Every report at every agent has the hub's answer, and the hub holds as many rows as the outbox. */
    private boolean converged() throws Exception {
        HubFigures figures = figures();
        for (SoakAgent agent : agents.values()) {
            Map<String, Long> states = AgentITSupport.countByState(agent.agent.database());
            if (states.getOrDefault("PENDIENTE", 0L) + states.getOrDefault("ENVIADO", 0L) > 0) {
                return false;
            }
            long total = states.values().stream().mapToLong(Long::longValue).sum();
            if (figures.reportRows(agent.region) != total) {
                return false;
            }
        }
        return true;
    }

    private void assertEveryAgentEqualsTheHub() throws Exception {
        HubFigures figures = figures();
        SoftAssertions softly = new SoftAssertions();
        for (SoakAgent agent : agents.values()) {
            String region = agent.region;
            AgentOutbox outbox = AgentOutbox.read(agent.agent.database());
            AgentOutbox accepted = outbox.accepted();
            softly.assertThat(figures.reportRows(region)).as("%s: report rows", region).isEqualTo(outbox.rows().size());
            softly.assertThat(figures.reports(region)).as("%s: message id → value", region).isEqualTo(outbox.values());
            softly.assertThat(receipts(figures.reportStatuses(region))).as("%s: each report's receipt at the agent",
                    region).isEqualTo(outbox.states());
            softly.assertThat(figures.outcomes(region)).as("%s: outcome rows", region).isEqualTo(outbox.rows().size());
            HubFigures.Spend spend = figures.consolidatedSpend(region);
            softly.assertThat(spend.reports()).as("%s: expenditure reports counted", region)
                    .isEqualTo(accepted.expenditureCount());
            softly.assertThat(spend.spent()).as("%s: consolidated spend", region)
                    .isEqualByComparingTo(accepted.expenditureSum());
            softly.assertThat(figures.progressReports(region)).as("%s: progress reports counted", region)
                    .isEqualTo(accepted.progressReports());
            softly.assertThat(figures.cumulativeProgress(region)).as("%s: cumulative progress", region)
                    .isEqualTo(accepted.latestProgress());
            Set<java.util.UUID> wrong = outbox.rows().stream().filter(ChaosSoakIT::wrongOnPurpose)
                    .map(AgentOutbox.Row::messageId).collect(Collectors.toSet());
            Set<java.util.UUID> rejected = rejected(figures.reportStatuses(region));
            softly.assertThat(rejected).as("%s: every report the office got wrong on purpose is rejected", region)
                    .containsAll(wrong);
            softly.assertThat(rejected.stream().filter(id -> !wrong.contains(id))
                            .collect(Collectors.toMap(id -> id, figures::rejectionWithContext)))
                    .as("%s: valid reports rejected", region).isEmpty();
            softly.assertThat(figures.rejectionCodes(region).keySet()).as("%s: rejected by the ingest route itself",
                    region).doesNotContainAnyElementsOf(ROUTE_REJECTIONS);
            softly.assertThat(figures.rejectionCodes(region).values().stream().mapToLong(Long::longValue).sum())
                    .as("%s: rejections recorded once each", region)
                    .isEqualTo(outbox.rows().size() - accepted.rows().size());
        }
        softly.assertAll();
    }

    /**
     * What {@link Simulator} makes wrong on purpose: a progress report of an unknown operation or with a negative
     * value, an expenditure of zero or dated outside the fiscal year.
     */
    private static boolean wrongOnPurpose(AgentOutbox.Row report) {
        return report.operation().equals("99.99.99") || report.value().signum() < 0
                || report.kind().equals("EXPENDITURE")
                && (report.value().signum() == 0 || report.spentOn().getYear() != FISCAL_YEAR);
    }

    private static Set<java.util.UUID> rejected(Map<java.util.UUID, String> statuses) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(OutcomeStatus.REJECTED.name()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The hub's statuses as the agent shows them once their receipts arrived. */
    private static Map<java.util.UUID, String> receipts(Map<java.util.UUID, String> statuses) {
        return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ReportState.of(OutcomeStatus.valueOf(e.getValue())).name()));
    }

    private HubFigures figures() {
        return new HubFigures(JdbcClient.create(database.dataSource()));
    }

    // ---------------------------------------------------------------- figures for the log (not asserted)

    private void report(Duration converged, Instant lastFault, Duration wall) {
        log("outages (from the fault to the service answering again):");
        outages.all().forEach(o -> log("  %6.1f s  %5.1f s  %s", seconds(Duration.between(windowStart, o.start())),
                seconds(o.length()), o.what()));
        Outages.Outage longest = outages.longest(o -> true).orElseThrow();
        Duration combined = outages.longestCombined(o -> !o.what().startsWith("agent "));
        long reports = figures().totalReports();
        log("CHAOS SOAK seed %d: %d agents, %d reports (%d rejected on purpose); longest outage survived %.1f s (%s); "
                        + "longest stretch with the agents' path to the hub's database broken somewhere %.1f s; "
                        + "longest gap between two ingest commits %.1f s; failed hub starts %d; "
                        + "converged %.1f s after the last fault; wall time %.1f s",
                seed, agents.size(), reports, figures().totalRejected(), seconds(longest.length()), longest.what(),
                seconds(combined), seconds(longestCommitGap(windowStart, lastFault)), failedHubStarts.size(),
                seconds(converged), seconds(wall));
    }

    /**
     * The longest time without an ingest transaction from the start of the faults to the end of the last one, while
     * the offices kept recording: how long the hub actually stored nothing.
     */
    private Duration longestCommitGap(Instant from, Instant to) {
        List<Instant> commits = new ArrayList<>();
        commits.add(from);
        commits.addAll(JdbcClient.create(database.dataSource())
                .sql("select distinct committed_at from report where committed_at between ? and ? order by 1")
                .param(OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .param(OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list());
        commits.add(to);
        Duration longest = Duration.ZERO;
        for (int i = 1; i < commits.size(); i++) {
            Duration gap = Duration.between(commits.get(i - 1), commits.get(i));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        return longest;
    }

    // ---------------------------------------------------------------- clean-up

    @AfterEach
    void stopEverything() throws Exception {
        supervisor.shutdownNow();
        offices.shutdownNow();
        chaos.shutdownNow();
        chaos.awaitTermination(60, TimeUnit.SECONDS);
        for (SoakAgent agent : agents.values()) {
            agent.stop();
        }
        if (hub != null) {
            synchronized (hubLock) {
                hubWanted = false;
            }
            hub.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (reactor != null) {
            reactor.close();
        }
        if (broker.get() != null && broker.get().isRunning()) {
            broker.get().close();
        }
        if (postgres.get() != null && postgres.get().isRunning()) {
            postgres.get().close();
        }
        keepLogs();
    }

    /** The hub's, the broker's and the agents' logs of the last run, in target/chaos-soak (the temp dir goes). */
    private void keepLogs() throws IOException {
        Path target = Files.createDirectories(Path.of("target", "chaos-soak"));
        List<Path> logs = new ArrayList<>(List.of(dir.resolve("hub.log"), dir.resolve("broker").resolve("broker.log")));
        REGIONS.forEach(region -> logs.add(dir.resolve("agents").resolve(region).resolve("agente.err")));
        for (Path log : logs) {
            if (Files.exists(log)) {
                String name = dir.relativize(log).toString().replace(java.io.File.separatorChar, '-');
                Files.copy(log, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "soak-" + name);
            t.setDaemon(true);
            return t;
        };
    }

    private static double since(Instant start) {
        return start == null ? 0 : seconds(Duration.between(start, Instant.now()));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static void log(String format, Object... args) {
        System.out.println("[chaos] " + (args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }
}
