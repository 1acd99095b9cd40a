package org.poahub.rules;

import java.util.Optional;

/**
 * What the rules need from the plan (POA). The agent implements it on its SQLite plan cache, the hub on the plan
 * versions in PostgreSQL; both adapt the plan model to it.
 */
public interface PlanView {

    /** The plan's operation with this code in this fiscal year, if any. */
    Optional<PlannedOperation> operation(int fiscalYear, String operationCode);

    /** Whether the region code is one of the agency's regional offices (e.g. {@code BO-L}). */
    boolean isKnownRegion(String regionCode);
}
