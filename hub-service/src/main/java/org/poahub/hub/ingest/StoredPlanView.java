package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.poahub.hub.plan.PlanImported;
import org.poahub.hub.plan.PlanService;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rules' view of the current (newest) stored plan version of each fiscal year, cached per year: a report costs
 * no plan query. The cache of a year is dropped when this hub imports a plan ({@link PlanImported}, after the
 * commit) and after {@code maxAge}, so a plan imported through another hub instance is seen within that time.
 */
final class StoredPlanView implements PlanView {

    /** The converted current plan of a year (empty when the year has no plan) and when it was read. */
    private record Cached(Optional<Map<String, PlannedOperation>> operations, Instant loadedAt) {
    }

    private final PlanService plans;
    private final RegionCatalogue regions;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<Integer, Cached> byYear = new ConcurrentHashMap<>();

    StoredPlanView(PlanService plans, RegionCatalogue regions, Duration maxAge, Clock clock) {
        this.plans = plans;
        this.regions = regions;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        Instant now = clock.instant();
        // compute() holds the year's entry while loading, so an invalidation that arrives meanwhile waits for the
        // load to finish and then removes it: a plan read before an import never outlives the import's event.
        Cached cached = byYear.compute(fiscalYear, (year, old) ->
                old != null && now.isBefore(old.loadedAt().plus(maxAge)) ? old : load(year, now));
        return cached.operations().map(operations -> operations.get(operationCode));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPlanImported(PlanImported event) {
        byYear.remove(event.version().fiscalYear());
    }

    private Cached load(int fiscalYear, Instant now) {
        return new Cached(plans.version(fiscalYear, null).map(version -> convert(plans.plan(version))), now);
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
