package org.poahub.hub.consolidation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.poahub.hub.plan.CsvPlanReader;
import org.poahub.hub.plan.PlanFileParser;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

/** The shipped SENAVEX 2020 plan, parsed as the hub imports it, as a {@link PlanSource} of version 1. */
public final class SenavexPlan {

    public static final Plan PLAN = load();

    private SenavexPlan() {
    }

    public static PlanSource source() {
        return year -> year == PLAN.fiscalYear() ? Optional.of(new PlanSource.VersionedPlan(1, PLAN)) : Optional.empty();
    }

    private static Plan load() {
        try (InputStream in = SenavexPlan.class.getResourceAsStream("/plans/senavex-poa-2020.csv")) {
            return new PlanFileParser(ObjectOfExpenditureClassifier.loadDefault(), RegionCatalogue.loadDefault())
                    .parse(CsvPlanReader.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
