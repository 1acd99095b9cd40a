package org.poahub.agent.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The cached plan ({@code plan_operation}, {@code plan_budget_line}) the offline validation checks against: the
 * bundled SENAVEX 2020 plan at first, then each plan snapshot the hub publishes for the region. Read once into
 * memory and read again after a replacement.
 */
public final class PlanCache implements PlanView {

    private final StoreDatabase db;
    private final StatusStore status;
    private final RegionCatalogue regions = RegionCatalogue.loadDefault();
    private volatile Map<String, PlannedOperation> plan;

    public PlanCache(StoreDatabase db, StatusStore status) {
        this.db = db;
        this.status = status;
    }

    /** Replaces the cached plan of a fiscal year (all operations and budget lines) and its version, at once. */
    public void replacePlan(int fiscalYear, List<PlannedOperation> operations, String version) {
        db.transaction("cannot store the plan", () -> {
            for (String table : List.of("plan_operation", "plan_budget_line")) {
                PreparedStatement d = db.statement("DELETE FROM " + table + " WHERE fiscal_year = ?");
                d.setInt(1, fiscalYear);
                d.executeUpdate();
            }
            PreparedStatement op = db.statement("INSERT INTO plan_operation VALUES (?,?,?,?)");
            PreparedStatement line = db.statement("INSERT INTO plan_budget_line VALUES (?,?,?,?,?)");
            for (PlannedOperation o : operations) {
                op.setInt(1, fiscalYear);
                op.setString(2, o.code());
                op.setString(3, o.start().toString());
                op.setString(4, o.end().toString());
                op.addBatch();
                for (PlannedBudgetLine l : o.budgetLines()) {
                    line.setInt(1, fiscalYear);
                    line.setString(2, o.code());
                    line.setString(3, l.objectCode());
                    line.setString(4, l.fundingSource() == null ? "" : l.fundingSource());
                    line.setString(5, l.amount().toPlainString());
                    line.addBatch();
                }
            }
            op.executeBatch();
            line.executeBatch();
            status.put(StatusStore.planVersionKey(fiscalYear), version);
            plan = null;
            return null;
        });
    }

    public boolean hasPlan(int fiscalYear) {
        return operations().values().stream().anyMatch(o -> o.fiscalYear() == fiscalYear);
    }

    public List<PlannedOperation> planOperations(int fiscalYear) {
        return operations().values().stream().filter(o -> o.fiscalYear() == fiscalYear).toList();
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        return Optional.ofNullable(operations().get(fiscalYear + "|" + operationCode));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }

    private Map<String, PlannedOperation> operations() {
        Map<String, PlannedOperation> cached = plan;
        if (cached != null) {
            return cached;
        }
        return db.read("cannot read the plan cache", () -> {
            Map<String, List<PlannedBudgetLine>> lines = new HashMap<>();
            try (ResultSet rs = db.statement("SELECT fiscal_year, operation_code, object_code, funding_source, "
                    + "amount FROM plan_budget_line").executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(new PlannedBudgetLine(rs.getString(3), rs.getString(4),
                                    new BigDecimal(rs.getString(5))));
                }
            }
            Map<String, PlannedOperation> ops = new LinkedHashMap<>();
            try (ResultSet rs = db.statement("SELECT fiscal_year, code, start_date, end_date FROM plan_operation "
                    + "ORDER BY fiscal_year, code").executeQuery()) {
                while (rs.next()) {
                    String key = rs.getInt(1) + "|" + rs.getString(2);
                    ops.put(key, new PlannedOperation(rs.getString(2), rs.getInt(1),
                            LocalDate.parse(rs.getString(3)), LocalDate.parse(rs.getString(4)),
                            lines.getOrDefault(key, List.of())));
                }
            }
            plan = ops;
            return ops;
        });
    }
}
