package org.poahub.benchmarks.ingest;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.GroupState;
import org.flywaydb.core.Flyway;
import org.poahub.contract.Topics;
import org.poahub.plan.Plan;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;

/**
 * The hub draining N preloaded reports into PostgreSQL against a plain-consumer baseline, then the hub's end-to-end
 * latency at a fixed offered load, on the testkit's embedded KRaft broker and PostgreSQL. Progress goes to stderr, the
 * Markdown result to stdout; nothing is written into the repository. See docs/benchmarks.md for the command.
 */
public final class IngestBenchmark {

    private static final Duration DRAIN_TIMEOUT = Duration.ofHours(6);
    /** Heap of the baseline's JVM (it holds one poll of records at a time) and of the preload's. */
    private static final String CHILD_HEAP = "1g";

    private final IngestBenchmarkOptions options;

    private IngestBenchmark(IngestBenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        IngestBenchmarkOptions options;
        try {
            options = IngestBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            IngestBenchmarkResult result = new IngestBenchmark(options).run();
            System.out.println();
            System.out.println(result.markdown(options, machine()));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The testkit's shutdown hooks stop the broker and PostgreSQL and delete their temporary directories.
        System.exit(status);
    }

    private IngestBenchmarkResult run() throws Exception {
        double loadStart = loadAverage();
        String bootstrap = TestKafka.bootstrapServers();
        TestDatabase hubDatabase = TestPostgres.freshDatabase();
        log("broker %s, PostgreSQL %s (hub database %s); starting the hub", bootstrap, TestPostgres.kind(),
                hubDatabase.jdbcUrl());
        List<String> topics = Topics.REGION_CODES.stream().sorted()
                .flatMap(r -> java.util.stream.Stream.of(Topics.progress(r), Topics.expenditure(r))).toList();

        try (HubUnderTest hub = new HubUnderTest(bootstrap, hubDatabase, options.partitions());
             Admin admin = TestKafka.admin()) {
            List<String> regions = Topics.REGION_CODES.stream().sorted().toList();
            int agentsPerRegion = options.agentsPerRegion(regions.size());
            // The plan the hub seeded, parsed from the same file, so that the preload's JVM makes the same reports
            Plan plan = ShippedPlan.senavex2020();
            if (!plan.equals(hub.plan(plan.fiscalYear()))) {
                throw new IllegalStateException("The hub's plan is not the shipped " + ShippedPlan.RESOURCE);
            }
            ReportGenerator generator = new ReportGenerator(plan, regions, agentsPerRegion,
                    options.invalidPercent(), options.seed());
            TopicTotals topicTotals = new TopicTotals(admin, topics);

            log("preloading %,d reports from a JVM of its own", options.reports());
            long preloadStart = System.nanoTime();
            PreloadProcess.run(bootstrap, hub.registryUrl(), hub.registryUserInfo(), regions, agentsPerRegion,
                    options.invalidPercent(), options.seed(), options.reports(), CHILD_HEAP, DRAIN_TIMEOUT);
            double preloadSeconds = seconds(preloadStart);
            long total = topicTotals.endTotal();
            if (total != options.reports()) {
                throw new IllegalStateException("The topics hold " + total + " records, expected " + options.reports());
            }

            log("hub: draining %,d reports", total);
            long hubStart = System.nanoTime();
            hub.startIngest();
            ReportRows hubRows = new ReportRows(hubDatabase);
            hubRows.await(total, DRAIN_TIMEOUT, () -> topicTotals.committedTotal(hub.groupId()),
                    done -> log("  hub: %,d rows", done));
            double hubSeconds = seconds(hubStart);
            hub.stopIngest();
            log("hub: its consumer group has committed offsets for %,d of %,d records",
                    topicTotals.committedTotal(hub.groupId()), total);
            Map<String, Long> statuses = statuses(hubDatabase);
            requireRows(statuses.values().stream().mapToLong(Long::longValue).sum(), total, "hub");
            log("hub: %.1f s, %,.0f reports/s, %s", hubSeconds, total / hubSeconds, statuses);
            settle(hubDatabase);

            double baselineSeconds = baselineOwnJvm(bootstrap, topics, hub, topicTotals, total);
            double baselineHubJvmSeconds = baselineHubJvm(bootstrap, topics, hub, topicTotals, total);

            IngestBenchmarkResult.Latency latency = null;
            if (options.latencyPhase()) {
                generator.skip(options.reports()); // what the preload's JVM sent; the latency phase goes on from there
                latency = latency(hub, hubDatabase, generator, admin, total / hubSeconds);
            }
            return new IngestBenchmarkResult(options.reports(), agentsPerRegion, preloadSeconds, hubSeconds, statuses,
                    baselineSeconds, baselineHubJvmSeconds, latency, loadStart, loadAverage());
        }
    }

    /** The baseline in a JVM of its own, paying its own warm-up as the hub does: the measure the ratio uses. */
    private double baselineOwnJvm(String bootstrap, List<String> topics, HubUnderTest hub, TopicTotals topicTotals,
                                  long total) throws Exception {
        TestDatabase database = baselineDatabase();
        log("baseline, its own JVM: draining %,d reports", total);
        long start = System.nanoTime();
        try (BaselineProcess baseline = new BaselineProcess(bootstrap, topics, hub.maxPollRecords(), database,
                hub.registryUrl(), hub.registryUserInfo(), CHILD_HEAP)) {
            new ReportRows(database).await(total, DRAIN_TIMEOUT, () -> {
                baseline.requireAlive();
                return topicTotals.committedTotal(baseline.groupId());
            }, done -> log("  baseline: %,d rows", done));
        }
        double seconds = seconds(start);
        log("baseline, its own JVM: %.1f s, %,.0f reports/s", seconds, total / seconds);
        settle(database);
        return seconds;
    }

    /**
     * The baseline as measured until the ninth session: a thread in this JVM after the hub's drain, on the Kafka
     * client, Avro and pgjdbc code that drain has compiled. Kept beside the other for comparison.
     */
    private double baselineHubJvm(String bootstrap, List<String> topics, HubUnderTest hub, TopicTotals topicTotals,
                                  long total) throws Exception {
        TestDatabase database = baselineDatabase();
        BaselineConsumer baseline = new BaselineConsumer(bootstrap, topics, hub.maxPollRecords(), database,
                hub.registryUrl(), hub.registryUserInfo());
        log("baseline, the hub's JVM: draining %,d reports", total);
        Thread thread = new Thread(baseline, "bench-baseline");
        long start = System.nanoTime();
        thread.start();
        try {
            new ReportRows(database).await(total, DRAIN_TIMEOUT, () -> topicTotals.committedTotal(baseline.groupId()),
                    done -> log("  baseline: %,d rows", done));
        } finally {
            baseline.stop();
            thread.join();
        }
        double seconds = seconds(start);
        if (baseline.failure() != null) {
            throw new IllegalStateException("The baseline failed", baseline.failure());
        }
        log("baseline, the hub's JVM: %.1f s, %,.0f reports/s", seconds, total / seconds);
        settle(database);
        return seconds;
    }

    /**
     * Untimed, after a drain: vacuums and analyzes the drained database and writes a checkpoint, so that the
     * autovacuum of its fresh rows and their flush to disk do not run during the next side's drain (they did: the
     * baseline, measured second, paid for the hub's).
     */
    private static void settle(TestDatabase database) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute("vacuum (analyze)");
            st.execute("checkpoint");
        }
        log("settled the drained database (vacuum, analyze, checkpoint) in %.1f s, untimed", seconds(start));
    }

    private static TestDatabase baselineDatabase() {
        TestDatabase database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    private IngestBenchmarkResult.Latency latency(HubUnderTest hub, TestDatabase database, ReportGenerator generator,
                                                  Admin admin, double hubRate) throws Exception {
        if (hubRate < options.loadRate()) {
            // Offered more than it can drain, the hub's backlog (and so the latency) grows for the whole phase.
            log("latency: skipped, the hub drained %,.0f reports/s, less than the offered %,d reports/s "
                    + "(pass a lower --load-rate)", hubRate, options.loadRate());
            return null;
        }
        // Millisecond latencies to 3 significant digits; the probe thread records, this thread reads.
        Histogram recorder = new ConcurrentHistogram(3);
        try (CommitLatencyProbe probe = new CommitLatencyProbe(database, recorder);
             ReportProducer producer = new ReportProducer(TestKafka.bootstrapServers(), hub.registryUrl(),
                     hub.registryUserInfo())) {
            hub.startIngest();
            awaitStable(admin, hub.groupId());
            if (options.warmupSeconds() > 0) {
                log("latency: warm-up, %,d reports/s for %d s, not recorded", options.loadRate(),
                        options.warmupSeconds());
                awaitCommits(recorder, probe, producer.offer(generator, options.loadRate(), options.warmupSeconds()));
                recorder.reset(); // every warm-up commit has been seen: nothing records meanwhile
            }
            log("latency: offering %,d reports/s for %d s", options.loadRate(), options.loadSeconds());
            int offered = producer.offer(generator, options.loadRate(), options.loadSeconds());
            awaitCommits(recorder, probe, offered);
            hub.stopIngest();
            if (probe.failure() != null) {
                throw new IllegalStateException("Listening for commits failed", probe.failure());
            }
            if (recorder.getTotalCount() != offered) {
                throw new IllegalStateException(
                        "Saw " + recorder.getTotalCount() + " commits of " + offered + " reports");
            }
            var result = new IngestBenchmarkResult.Latency(options.loadRate(), options.loadSeconds(),
                    options.warmupSeconds(), offered,
                    recorder.getValueAtPercentile(50), recorder.getValueAtPercentile(99),
                    recorder.getValueAtPercentile(99.9), recorder.getMaxValue());
            log("latency: p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms", result.p50(), result.p99(), result.p999(),
                    result.max());
            return result;
        }
    }

    /** Waits (at most 5 minutes) until the probe has seen {@code offered} commits or has failed. */
    private static void awaitCommits(Histogram recorder, CommitLatencyProbe probe, int offered) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (recorder.getTotalCount() < offered && System.nanoTime() < deadline && probe.failure() == null) {
            TopicTotals.sleep(Duration.ofMillis(100));
        }
    }

    /** Waits until the hub's consumer has joined and has its partitions, so the latency phase times no group join. */
    private static void awaitStable(Admin admin, String groupId) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            if (group.groupState() == GroupState.STABLE && !group.members().isEmpty()
                    && !group.members().iterator().next().assignment().topicPartitions().isEmpty()) {
                return;
            }
            TopicTotals.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("The hub's consumer group " + groupId + " did not become stable");
    }

    private static Map<String, Long> statuses(TestDatabase database) throws SQLException {
        Map<String, Long> statuses = new TreeMap<>();
        try (Connection c = connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select status, count(*) from report group by status")) {
            while (rs.next()) {
                statuses.put(rs.getString(1), rs.getLong(2));
            }
        }
        return statuses;
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void requireRows(long rows, long expected, String who) {
        if (rows != expected) {
            throw new IllegalStateException(who + ": " + rows + " report rows after the drain, expected " + expected);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, max heap %d MiB, Java %s (%s), %s %s",
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
