package org.poahub.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

/** {@link PlanView} over the plan model ({@link Plan}) and the region catalogue. */
public final class PlanModelView implements PlanView {

    private final Plan plan;
    private final RegionCatalogue regions;

    public PlanModelView(Plan plan, RegionCatalogue regions) {
        this.plan = plan;
        this.regions = regions;
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        if (fiscalYear != plan.fiscalYear()) {
            return Optional.empty();
        }
        return plan.operation(operationCode).map(op -> toPlanned(plan, op));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }

    /** One planned budget line per object code and funding column with a non-zero amount. */
    public static PlannedOperation toPlanned(Plan plan, Operation op) {
        List<PlannedBudgetLine> lines = new ArrayList<>();
        for (BudgetLine line : op.budgetLines()) {
            for (int c = 0; c < plan.fundingColumns().size(); c++) {
                if (line.amount(c).signum() > 0) {
                    lines.add(new PlannedBudgetLine(line.objectCode(), plan.fundingColumns().get(c), line.amount(c)));
                }
            }
        }
        return new PlannedOperation(op.code().toString(), plan.fiscalYear(), op.start(), op.end(), lines);
    }
}
