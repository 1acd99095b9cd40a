package org.poahub.hub.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * What the quarterly report needs from the review of periods (issue 14, the {@code review} feature): the observation
 * comments that justify deviations, and who prepared, reviewed and approved the quarter. The review feature implements
 * it from its transitions; a quarter nobody has reviewed has no observations and an unsigned block.
 */
public interface ReviewTrail {

    /** An observation on an operation (or a whole region's period when {@code operationCode} is null). */
    record Observation(String regionCode, String operationCode, LocalDate periodEnd, String author, String comment) {
    }

    /** A signature of the report's block; null fields are not signed yet. */
    record Signature(String name, LocalDate date) {
        public static final Signature NONE = new Signature(null, null);
    }

    /** Elaborado (prepared), Revisado (reviewed), Aprobado (approved). */
    record Signatures(Signature prepared, Signature reviewed, Signature approved) {
        public static final Signatures NONE = new Signatures(Signature.NONE, Signature.NONE, Signature.NONE);
    }

    /** The observations made on periods of the quarter ({@code quarter} 1 … 4). */
    List<Observation> observations(int fiscalYear, int quarter);

    Signatures signatures(int fiscalYear, int quarter);
}
