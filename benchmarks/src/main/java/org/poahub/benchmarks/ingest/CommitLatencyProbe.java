package org.poahub.benchmarks.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.poahub.testkit.TestDatabase;

/**
 * When each report row becomes visible, measured by PostgreSQL itself: a trigger on {@code report} sends a
 * {@code NOTIFY} per row, and PostgreSQL delivers notifications only when the inserting transaction commits. The
 * latency of a report is the time its notification arrives here minus its reported-at (both on this machine's
 * clock). The trigger is installed in the benchmark's own database only for the latency phase and removed after.
 */
final class CommitLatencyProbe implements AutoCloseable {

    private static final String CHANNEL = "bench_report_committed";

    private final Connection connection;
    private final Histogram recorder;
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final Thread listener;
    private volatile Exception failure;

    CommitLatencyProbe(TestDatabase database, Histogram recorder) throws SQLException {
        this.recorder = recorder;
        connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    create or replace function bench_report_committed() returns trigger language plpgsql as $$
                    begin
                        -- the message id keeps payloads distinct: identical payloads in one transaction fold into one
                        perform pg_notify('%s', new.message_id::text || ' '
                            || (extract(epoch from new.reported_at) * 1000)::bigint);
                        return null;
                    end $$""".formatted(CHANNEL));
            st.execute("create trigger bench_report_committed after insert on report for each row "
                    + "execute function bench_report_committed()");
            st.execute("listen " + CHANNEL);
        }
        listener = new Thread(this::listen, "bench-commit-listener");
        listener.setDaemon(true);
        listener.start();
    }

    Exception failure() {
        return failure;
    }

    private void listen() {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (listening.get()) {
                PGNotification[] notifications = pg.getNotifications(200);
                long now = System.currentTimeMillis();
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        String payload = n.getParameter();
                        long reportedAt = Long.parseLong(payload.substring(payload.indexOf(' ') + 1));
                        // a clock step could make one negative: HdrHistogram takes none, and 0 ms is what it means
                        recorder.recordValue(Math.max(0, now - reportedAt));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (listening.get()) {
                failure = e;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        listening.set(false);
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement st = connection.createStatement()) {
            st.execute("unlisten " + CHANNEL);
            st.execute("drop trigger bench_report_committed on report");
            st.execute("drop function bench_report_committed()");
        } finally {
            connection.close();
        }
    }
}
