package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

/**
 * Coverage-guided fuzzing of the plan import (CSV in the plan format, then the parser that builds the plan): any bytes
 * either become a plan or are refused with row-level Spanish errors ({@link PlanImportException}); nothing else
 * escapes. Seeds are the shipped SENAVEX 2020 plan and the template. docs/fuzzing.md.
 */
class PlanFileFuzzTest {

    private final PlanFileParser parser = new PlanFileParser(ObjectOfExpenditureClassifier.loadDefault(),
            RegionCatalogue.loadDefault());

    @FuzzTest(maxDuration = "30s")
    void buildsAPlanOrRefusesWithItsErrors(FuzzedDataProvider data) {
        byte[] content = data.consumeRemainingAsBytes();
        Plan plan;
        try {
            plan = parser.parse(CsvPlanReader.read(content));
        } catch (PlanImportException refused) {
            assertThat(refused.errors()).isNotEmpty();
            return;
        }
        assertThat(plan.objectives()).isNotEmpty();
    }
}
