package org.poahub.hub.consolidation;

import java.util.Optional;
import org.poahub.plan.Plan;

/** The current (newest) plan version of a fiscal year. */
@FunctionalInterface
public interface PlanSource {

    /** A plan with its version number. */
    record VersionedPlan(int version, Plan plan) {
    }

    Optional<VersionedPlan> current(int fiscalYear);
}
