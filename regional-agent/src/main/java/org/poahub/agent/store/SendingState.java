package org.poahub.agent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.poahub.contract.ReportKind;

/**
 * Where each report is on its way ({@code outbox.state}): what is pending for the forwarder, marking what the
 * broker acknowledged, and counts per state.
 */
public final class SendingState {

    private final StoreDatabase db;
    private final StatusStore status;

    public SendingState(StoreDatabase db, StatusStore status) {
        this.db = db;
        this.status = status;
    }

    /** Up to {@code limit} pending reports with a sequence above {@code afterSequence}, oldest first. */
    public List<OutboxRow> pending(long afterSequence, int limit) {
        return db.read("cannot read the outbox", () -> {
            List<OutboxRow> rows = new ArrayList<>(limit);
            PreparedStatement q = db.statement("SELECT seq, kind, operation_code, payload FROM outbox "
                    + "WHERE state = 'PENDIENTE' AND seq > ? ORDER BY seq LIMIT ?");
            q.setLong(1, afterSequence);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), ReportKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getBytes(4)));
                }
            }
            return rows;
        });
    }

    /** Marks reports sent (the broker acknowledged them) in one transaction; never moves an outcome back. */
    public void markSent(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        db.transaction("cannot mark reports sent", () -> {
            PreparedStatement u = db.statement(
                    "UPDATE outbox SET state = 'ENVIADO', sent_at = ? WHERE seq = ? AND state = 'PENDIENTE'");
            for (long seq : sequences) {
                u.setLong(1, now);
                u.setLong(2, seq);
                u.addBatch();
            }
            u.executeBatch();
            status.put(StatusStore.LAST_CONTACT, Long.toString(now));
            return null;
        });
    }

    /**
     * Reports still without the hub's outcome (pending or sent): how many, and the newest moment one of them was
     * saved or sent.
     */
    public record Awaiting(long count, Instant newestSentAt) {
    }

    public Awaiting awaiting() {
        return db.read("cannot count reports awaiting receipts", () -> {
            try (ResultSet rs = db.statement("SELECT COUNT(*), COALESCE(MAX(COALESCE(sent_at, created_at)), 0) "
                    + "FROM outbox WHERE state IN ('PENDIENTE', 'ENVIADO')").executeQuery()) {
                rs.next();
                return new Awaiting(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)));
            }
        });
    }

    public long count(ReportState state) {
        return db.read("cannot count reports", () -> {
            PreparedStatement q = db.statement("SELECT COUNT(*) FROM outbox WHERE state = ?");
            q.setString(1, state.name());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public long countAll() {
        return db.read("cannot count reports", () -> {
            try (ResultSet rs = db.statement("SELECT COUNT(*) FROM outbox").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
