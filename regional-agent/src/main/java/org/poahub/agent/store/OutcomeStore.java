package org.poahub.agent.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.rules.Finding;

/**
 * The hub's receipts ({@code outcome}): each outcome with its findings, the report moved to its final state, and
 * a rejected expenditure taken back out of the running totals, all in one transaction.
 */
public final class OutcomeStore {

    private final StoreDatabase db;
    private final SpendTotals spend;
    private final StatusStore status;

    public OutcomeStore(StoreDatabase db, SpendTotals spend, StatusStore status) {
        this.db = db;
        this.spend = spend;
        this.status = status;
    }

    /** Stores the hub's outcome and moves the report to its final state. Idempotent. */
    public void saveOutcome(ReportOutcome outcome) {
        List<Finding> findings = outcome.getFindings().stream()
                .map(f -> new Finding(f.getCode(), f.getSeverity(), f.getField(), f.getMessage())).toList();
        String id = outcome.getMessageId().toString();
        long now = System.currentTimeMillis();
        db.transaction("cannot store outcome " + id, () -> {
            PreparedStatement u = db.statement("INSERT OR REPLACE INTO outcome (message_id, status, findings, "
                    + "processed_at, received_at) VALUES (?,?,?,?,?)");
            u.setString(1, id);
            u.setString(2, outcome.getStatus().name());
            u.setString(3, FindingsJson.encode(findings));
            u.setLong(4, outcome.getProcessedAt().toEpochMilli());
            u.setLong(5, now);
            u.executeUpdate();
            if (outcome.getStatus() == OutcomeStatus.REJECTED) {
                PreparedStatement q = db.statement("SELECT fiscal_year, operation_code, object_code, "
                        + "funding_source, value FROM outbox WHERE message_id = ? AND kind = 'EXPENDITURE' "
                        + "AND state <> 'RECHAZADO'");
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        spend.add(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                new BigDecimal(rs.getString(5)).negate());
                    }
                }
            }
            PreparedStatement state = db.statement(
                    "UPDATE outbox SET state = ?, sent_at = COALESCE(sent_at, ?) WHERE message_id = ?");
            state.setString(1, ReportState.of(outcome.getStatus()).name());
            state.setLong(2, now);
            state.setString(3, id);
            state.executeUpdate();
            status.put(StatusStore.LAST_CONTACT, Long.toString(now));
            return null;
        });
    }
}
