package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.poahub.hub.plan.PlanService;
import org.poahub.hub.plan.PlanVersion;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The rules' view of the current (newest) stored plan version of each fiscal year. The converted plan is kept per
 * year until a newer version is stored; each look-up asks the database only for the newest version's id.
 */
final class StoredPlanView implements PlanView {

    private record Converted(long versionId, Map<String, PlannedOperation> operations) {
    }

    private final PlanService plans;
    private final RegionCatalogue regions;
    private final Map<Integer, Converted> byYear = new ConcurrentHashMap<>();

    StoredPlanView(PlanService plans, RegionCatalogue regions) {
        this.plans = plans;
        this.regions = regions;
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        Optional<PlanVersion> current = plans.version(fiscalYear, null);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Converted converted = byYear.get(fiscalYear);
        if (converted == null || converted.versionId() != current.get().id()) {
            converted = new Converted(current.get().id(), convert(plans.plan(current.get())));
            byYear.put(fiscalYear, converted);
        }
        return Optional.ofNullable(converted.operations().get(operationCode));
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
