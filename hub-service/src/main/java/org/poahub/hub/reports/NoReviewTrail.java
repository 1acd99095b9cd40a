package org.poahub.hub.reports;

import java.util.List;

/** The review trail while no period has a review: no observations, nothing signed. */
final class NoReviewTrail implements ReviewTrail {

    @Override
    public List<Observation> observations(int fiscalYear, int quarter) {
        return List.of();
    }

    @Override
    public Signatures signatures(int fiscalYear, int quarter) {
        return Signatures.NONE;
    }
}
