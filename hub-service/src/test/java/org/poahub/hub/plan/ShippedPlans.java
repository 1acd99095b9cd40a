package org.poahub.hub.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

/** Test access to the plan files shipped under {@code plans/} and a parser with the default catalogues. */
final class ShippedPlans {

    static final String SENAVEX_CSV = "/plans/senavex-poa-2020.csv";
    static final String SENAVEX_XLSX = "/plans/senavex-poa-2020.xlsx";

    private ShippedPlans() {
    }

    static PlanFileParser parser() {
        return new PlanFileParser(ObjectOfExpenditureClassifier.loadDefault(), RegionCatalogue.loadDefault());
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ShippedPlans.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plan senavexFromCsv() {
        return parser().parse(CsvPlanReader.read(bytes(SENAVEX_CSV)));
    }

    static Plan senavexFromXlsx() {
        return parser().parse(XlsxPlanReader.read(bytes(SENAVEX_XLSX)));
    }
}
