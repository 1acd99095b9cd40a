package org.poahub.hub.plan;

import java.time.Instant;

/** One stored version of the plan of a fiscal year: who imported it, when, why and from which file. */
public record PlanVersion(
        long id,
        int fiscalYear,
        int version,
        String entityCode,
        String entityAcronym,
        String createdBy,
        Instant createdAt,
        String reason,
        String sourceFile,
        String checksumSha256) {
}
