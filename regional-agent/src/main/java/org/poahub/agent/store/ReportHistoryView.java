package org.poahub.agent.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.poahub.contract.ReportKind;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.ReportHistory;

/** What the shared validation rules need to know about this agent's earlier reports, answered from the outbox. */
public final class ReportHistoryView implements ReportHistory {

    private final StoreDatabase db;
    private final SpendTotals spend;

    public ReportHistoryView(StoreDatabase db, SpendTotals spend) {
        this.db = db;
        this.spend = spend;
    }

    @Override
    public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
        return db.read("cannot read progress history", () -> {
            PreparedStatement q = db.statement("SELECT value FROM outbox WHERE kind = 'PROGRESS' AND region = ? "
                    + "AND fiscal_year = ? AND operation_code = ? AND state <> 'RECHAZADO' ORDER BY seq DESC LIMIT 1");
            q.setString(1, regionCode);
            q.setInt(2, fiscalYear);
            q.setString(3, operationCode);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new BigDecimal(rs.getString(1))) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<RecordedReport> findReport(UUID messageId) {
        return db.read("cannot read report " + messageId, () -> {
            PreparedStatement q = db.statement("SELECT region, kind, value FROM outbox WHERE message_id = ?");
            q.setString(1, messageId.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new RecordedReport(messageId, rs.getString(1),
                        ReportKind.valueOf(rs.getString(2)), new BigDecimal(rs.getString(3)))) : Optional.empty();
            }
        });
    }

    @Override
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return spend.cumulativeSpend(fiscalYear, operationCode, line);
    }
}
