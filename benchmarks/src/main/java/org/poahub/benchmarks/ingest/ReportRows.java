package org.poahub.benchmarks.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.poahub.testkit.TestDatabase;

/**
 * Waits until a database holds a number of {@code report} rows: rows are visible only once their transaction has
 * committed, so this is "every report row committed". (Consumer-group offsets are no substitute: the hub's route
 * commits them after the rows, and not always for every partition of a batch.)
 */
final class ReportRows {

    private static final Duration POLL = Duration.ofMillis(250);

    private final TestDatabase database;

    ReportRows(TestDatabase database) {
        this.database = database;
    }

    void await(long target, Duration timeout, ReportProducer.Progress progress) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement st = c.createStatement()) {
            while (true) {
                long rows;
                try (ResultSet rs = st.executeQuery("select count(*) from report")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                if (rows >= target) {
                    return;
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
}
