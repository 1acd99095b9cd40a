package org.poahub.agent.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.poahub.rules.PlannedBudgetLine;

/**
 * Running expenditure totals per budget line ({@code spend_total}), kept in the transaction that saves an
 * expenditure or stores its rejection: the budget rule reads them once per report instead of summing every
 * earlier expenditure (which made a 10,000-row import quadratic).
 */
public final class SpendTotals {

    private final StoreDatabase db;

    public SpendTotals(StoreDatabase db) {
        this.db = db;
    }

    /** Adds {@code amount} (negative to take it back) to the line's total; inside the caller's transaction. */
    void add(int fiscalYear, String operation, String object, String source, BigDecimal amount) throws SQLException {
        BigDecimal total = amount;
        PreparedStatement q = db.statement("SELECT total FROM spend_total WHERE fiscal_year = ? AND "
                + "operation_code = ? AND object_code = ? AND funding_source = ?");
        q.setInt(1, fiscalYear);
        q.setString(2, operation);
        q.setString(3, object);
        q.setString(4, source);
        try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
                total = total.add(new BigDecimal(rs.getString(1)));
            }
        }
        PreparedStatement u = db.statement("INSERT OR REPLACE INTO spend_total VALUES (?,?,?,?,?)");
        u.setInt(1, fiscalYear);
        u.setString(2, operation);
        u.setString(3, object);
        u.setString(4, source);
        u.setString(5, total.toPlainString());
        u.executeUpdate();
    }

    /** What is already charged to {@code line} of the operation (every object and source the line covers). */
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return db.read("cannot read expenditure history", () -> {
            BigDecimal sum = BigDecimal.ZERO;
            PreparedStatement q = db.statement("SELECT object_code, funding_source, total FROM spend_total "
                    + "WHERE fiscal_year = ? AND operation_code = ?");
            q.setInt(1, fiscalYear);
            q.setString(2, operationCode);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (line.covers(rs.getString(1), rs.getString(2))) {
                        sum = sum.add(new BigDecimal(rs.getString(3)));
                    }
                }
            }
            return sum;
        });
    }
}
