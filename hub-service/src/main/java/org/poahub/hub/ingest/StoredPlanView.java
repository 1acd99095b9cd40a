package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.poahub.hub.consolidation.PlanSource;
import org.poahub.hub.consolidation.PerPlanVersion;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The rules' view of the current plan of each fiscal year, as the hub's one plan cache ({@code CurrentPlans}) gives
 * it: converted to the rules' model once per plan version, so a report costs no plan query and no conversion.
 */
final class StoredPlanView implements PlanView {

    private final PerPlanVersion<Map<String, PlannedOperation>> operations;
    private final RegionCatalogue regions;

    StoredPlanView(PlanSource plans, RegionCatalogue regions) {
        this.operations = new PerPlanVersion<>(plans, current -> convert(current.plan()));
        this.regions = regions;
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        return operations.current(fiscalYear).map(byCode -> byCode.get(operationCode));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }

    private static Map<String, PlannedOperation> convert(Plan plan) {
        return plan.operations().stream().map(op -> planned(plan, op))
                .collect(Collectors.toUnmodifiableMap(PlannedOperation::code, Function.identity()));
    }

    /** One rules budget line per object code and funding column with a positive amount. */
    private static PlannedOperation planned(Plan plan, Operation op) {
        List<PlannedBudgetLine> lines = new ArrayList<>();
        for (BudgetLine line : op.budgetLines()) {
            for (int column = 0; column < plan.fundingColumns().size(); column++) {
                BigDecimal amount = line.amount(column);
                if (amount != null && amount.signum() > 0) {
                    lines.add(new PlannedBudgetLine(line.objectCode(), plan.fundingColumns().get(column), amount));
                }
            }
        }
        return new PlannedOperation(op.code().value(), plan.fiscalYear(), op.start(), op.end(), lines);
    }
}
