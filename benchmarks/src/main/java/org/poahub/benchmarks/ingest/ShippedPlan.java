package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.poahub.hub.plan.CsvPlanReader;
import org.poahub.hub.plan.PlanFileParser;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

/** The SENAVEX 2020 plan the hub ships and seeds, parsed from the same file, for harnesses outside the hub. */
final class ShippedPlan {

    static final String RESOURCE = "/plans/senavex-poa-2020.csv";

    private ShippedPlan() {
    }

    static Plan senavex2020() {
        try (InputStream in = ShippedPlan.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The shipped plan " + RESOURCE + " is not on the classpath");
            }
            return new PlanFileParser(ObjectOfExpenditureClassifier.loadDefault(), RegionCatalogue.loadDefault())
                    .parse(CsvPlanReader.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
