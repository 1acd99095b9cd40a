package org.poahub.benchmarks.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.poahub.testkit.TestDatabase;

/**
 * Waits until a database holds a number of {@code report} rows: rows are visible only once their transaction has
 * committed, so this is "every report row committed". (Consumer-group offsets are no substitute: the hub's route
 * commits them after the rows, and not always for every partition of a batch.)
 *
 * <p>An exact {@code count(*)} scans the whole table: every 250 ms on a table growing to a million rows, that scan
 * took a growing share of the two cores from whatever was being measured. So the wait counts exactly only when a
 * cheap signal says the end is near: the consumer group's committed offsets (committed after the rows) have reached
 * the target, or PostgreSQL's statistics counter of inserted rows ({@code pg_stat_user_tables}, flushed by busy
 * sessions about once a second, by idle ones up to 10 s late) is at {@value #EXACT_FROM_PERCENT} % of it; and
 * otherwise every {@value #EXACT_EVERY} polls.
 */
final class ReportRows {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int EXACT_FROM_PERCENT = 99;
    private static final int EXACT_EVERY = 8;
    private static final String INSERTED =
            "select coalesce(sum(n_tup_ins), 0) from pg_stat_user_tables where relname = 'report'";

    private final TestDatabase database;

    ReportRows(TestDatabase database) {
        this.database = database;
    }

    /** @param committed the records the consumer group has committed so far */
    void await(long target, Duration timeout, LongSupplier committed, ReportProducer.Progress progress)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement st = c.createStatement()) {
            for (long poll = 1; ; poll++) {
                long rows = single(st, INSERTED);
                if (rows * 100 >= target * EXACT_FROM_PERCENT || poll % EXACT_EVERY == 0
                        || committed.getAsLong() >= target) {
                    rows = single(st, "select count(*) from report");
                    if (rows >= target) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(rows + " of " + target + " report rows within " + timeout);
                }
                if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                    progress.report((int) rows);
                    lastReport = System.nanoTime();
                }
                TopicTotals.sleep(POLL);
            }
        }
    }

    private static long single(Statement st, String query) throws SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
