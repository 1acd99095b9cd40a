package org.poahub.hub.consolidation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.poahub.hub.consolidation.PlanSource.VersionedPlan;

/**
 * Something derived from a fiscal year's current plan (an index, a conversion), computed once per plan version and
 * again only when {@link PlanSource} gives another version. Reading it takes no lock: two threads that see a new
 * version at once may both derive it, with the same result.
 */
public final class PerPlanVersion<T> {

    private record Derived<T>(VersionedPlan source, T value) {

        boolean derivedFrom(VersionedPlan plan) {
            return source.version() == plan.version() && source.plan() == plan.plan();
        }
    }

    private final PlanSource plans;
    private final Function<VersionedPlan, T> derive;
    private final Map<Integer, Derived<T>> byYear = new ConcurrentHashMap<>();

    public PerPlanVersion(PlanSource plans, Function<VersionedPlan, T> derive) {
        this.plans = plans;
        this.derive = derive;
    }

    /** Empty when the year has no plan. */
    public Optional<T> current(int fiscalYear) {
        return plans.current(fiscalYear).map(plan -> {
            Derived<T> derived = byYear.get(fiscalYear);
            if (derived == null || !derived.derivedFrom(plan)) {
                derived = new Derived<>(plan, derive.apply(plan));
                byYear.put(fiscalYear, derived);
            }
            return derived.value();
        });
    }
}
