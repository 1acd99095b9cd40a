package org.poahub.agent.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.poahub.contract.ReportKind;

/** The office's view of its reports ({@code listar}): each with its state and the hub's reasons or the warnings. */
public final class ReportListing {

    private final StoreDatabase db;

    public ReportListing(StoreDatabase db) {
        this.db = db;
    }

    /** Reports in sequence order, optionally only those in one state; newest {@code limit} when limit > 0. */
    public List<StoredReport> list(ReportState only, int limit) {
        String sql = "SELECT o.seq, o.message_id, o.kind, o.operation_code, o.value, o.state, o.created_at, "
                + "o.sent_at, o.warnings, c.findings FROM outbox o LEFT JOIN outcome c ON c.message_id = o.message_id"
                + (only == null ? "" : " WHERE o.state = ?") + " ORDER BY o.seq DESC"
                + (limit > 0 ? " LIMIT ?" : "");
        return db.read("cannot list reports", () -> {
            PreparedStatement q = db.statement(sql);
            int p = 1;
            if (only != null) {
                q.setString(p++, only.name());
            }
            if (limit > 0) {
                q.setInt(p, limit);
            }
            List<StoredReport> reports = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long sent = rs.getLong(8);
                    Instant sentAt = rs.wasNull() || sent == 0 ? null : Instant.ofEpochMilli(sent);
                    String hub = rs.getString(10);
                    reports.add(new StoredReport(rs.getLong(1), UUID.fromString(rs.getString(2)),
                            ReportKind.valueOf(rs.getString(3)), rs.getString(4), new BigDecimal(rs.getString(5)),
                            ReportState.valueOf(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)), sentAt,
                            FindingsJson.decode(hub != null ? hub : rs.getString(9))));
                }
            }
            Collections.reverse(reports);
            return reports;
        });
    }
}
