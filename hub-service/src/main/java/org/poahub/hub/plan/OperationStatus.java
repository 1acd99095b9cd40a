package org.poahub.hub.plan;

/**
 * Where an operation code stands in the plan of a year.
 *
 * @param lastVersion    newest version that contains the operation (null when none does)
 * @param currentVersion the current version of the year's plan (null when there is no plan)
 */
public record OperationStatus(String code, State state, Integer lastVersion, Integer currentVersion) {

    public enum State {
        /** In the current version. */
        ACTIVE,
        /** In an earlier version only: dropped by a reformulation; its reports are kept and flagged. */
        DROPPED,
        /** In no version of the year. */
        UNKNOWN
    }
}
