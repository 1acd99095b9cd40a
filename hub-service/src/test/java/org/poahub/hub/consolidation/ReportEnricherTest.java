package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlannedBudgetLine;

/** Enrichment of reports on SENAVEX 2020 operation 11.04.02 (docs/consolidation.md, worked example). */
class ReportEnricherTest {

    private final ReportEnricher enricher = new ReportEnricher(SenavexPlan.source(), RegionCatalogue.loadDefault());

    @Test
    void enrichmentFollowsTheCurrentPlanVersionAndTheSeedsOperationCodeSpelling() {
        AtomicInteger version = new AtomicInteger(1);
        ReportEnricher following = new ReportEnricher(
                year -> Optional.of(new PlanSource.VersionedPlan(version.get(), SenavexPlan.PLAN)),
                RegionCatalogue.loadDefault());
        ProgressReport report = progress("11.04.02", LocalDate.of(2020, 3, 31), "1");

        assertThat(following.enrich(report).orElseThrow().planVersion()).isEqualTo(1);
        version.set(2);
        assertThat(following.enrich(report).orElseThrow().planVersion()).isEqualTo(2);
        assertThat(following.enrich(progress(" 11.04.02.", LocalDate.of(2020, 3, 31), "1")))
                .map(ReportEnrichment::actionCode).contains("11.04");
        assertThat(following.enrich(progress("99.99.99", LocalDate.of(2020, 3, 31), "1"))).isEmpty();
    }

    @Test
    void aProgressReportGetsItsPlanContextPlannedProgressAndVariance() {
        ReportEnrichment e = enricher.enrich(progress("11.04.02", LocalDate.of(2020, 3, 31), "1")).orElseThrow();

        assertThat(e.planVersion()).isEqualTo(1);
        assertThat(e.objectiveCode()).isEqualTo("11");
        assertThat(e.actionCode()).isEqualTo("11.04");
        assertThat(e.actionWeight()).isEqualTo(30);
        assertThat(e.targetValue()).isEqualByComparingTo("4");
        assertThat(e.targetKind()).isEqualTo("COUNT");
        assertThat(e.operationStart()).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(e.operationEnd()).isEqualTo(LocalDate.of(2020, 11, 30));
        assertThat(e.regionName()).isEqualTo("La Paz");
        assertThat(e.reportDate()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(e.fiscalMonth()).isEqualTo(3);
        assertThat(e.fiscalQuarter()).isEqualTo(1);
        assertThat(e.achievedPercent()).isEqualTo(new BigDecimal("25.00"));
        assertThat(e.plannedPercent()).isEqualTo(new BigDecimal("22.78"));
        assertThat(e.scheduleVariance()).isEqualTo(new BigDecimal("2.22"));
        assertThat(e.budgetObjectCode()).isNull();
    }

    @Test
    void anExpenditureIsChargedToTheBudgetLineCoveringItsObjectCodeWithTheCumulativeSpendAndExecution() {
        List<PlannedBudgetLine> asked = new ArrayList<>();
        ReportEnrichment e = enricher.enrich(expenditure("25220", "Columna 1", LocalDate.of(2020, 3, 15)), line -> {
            asked.add(line);
            return new BigDecimal("150000.00");
        }).orElseThrow();

        assertThat(asked).containsExactly(new PlannedBudgetLine("20000", "Columna 1", new BigDecimal("865426.00")));
        assertThat(e.budgetObjectCode()).isEqualTo("20000");
        assertThat(e.budgetFundingSource()).isEqualTo("Columna 1");
        assertThat(e.budgetAmount()).isEqualTo(new BigDecimal("865426.00"));
        assertThat(e.cumulativeSpend()).isEqualTo(new BigDecimal("150000.00"));
        assertThat(e.executionPercent()).isEqualTo(new BigDecimal("17.33"));
        assertThat(e.fiscalQuarter()).isEqualTo(1);
        assertThat(e.achievedPercent()).isNull();
    }

    @Test
    void anExpenditureWithoutABudgetLineHasNoBudgetFigures() {
        ReportEnrichment unbudgeted = enricher.enrich(expenditure("57100", "Columna 1", LocalDate.of(2020, 7, 1)),
                line -> BigDecimal.ONE).orElseThrow();
        ReportEnrichment zeroColumn = enricher.enrich(expenditure("25220", "Columna 2", LocalDate.of(2020, 7, 1)),
                line -> BigDecimal.ONE).orElseThrow();

        assertThat(unbudgeted.budgetObjectCode()).isNull();
        assertThat(unbudgeted.cumulativeSpend()).isNull();
        assertThat(unbudgeted.executionPercent()).isNull();
        assertThat(unbudgeted.fiscalQuarter()).isEqualTo(3);
        assertThat(zeroColumn.budgetObjectCode()).as("Columna 2 is 0.00 on every line").isNull();
    }

    @Test
    void theMostSpecificCoveringLineIsCharged() {
        var plan = SenavexPlan.PLAN;
        var op = new org.poahub.plan.Operation(org.poahub.plan.OperationCode.parse("11.04.02"), "Op", "", "",
                org.poahub.plan.Target.count(BigDecimal.ONE, "1"), "", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31), "", List.of(
                        org.poahub.plan.BudgetLine.of("20000", new BigDecimal("100.00"), BigDecimal.ZERO),
                        org.poahub.plan.BudgetLine.of("25200", new BigDecimal("50.00"), BigDecimal.ZERO)), List.of());
        assertThat(ReportEnricher.chargedLine(plan, op, "25220", "Columna 1")).get()
                .extracting(PlannedBudgetLine::objectCode).isEqualTo("25200");
        assertThat(ReportEnricher.chargedLine(plan, op, "26990", "Columna 1")).get()
                .extracting(PlannedBudgetLine::objectCode).isEqualTo("20000");
    }

    @Test
    void aYearWithoutPlanOrAnOperationNotInItIsNotEnriched() {
        ProgressReport otherYear = progress("11.04.02", LocalDate.of(2021, 3, 31), "1");
        otherYear.setFiscalYear(2021);
        assertThat(enricher.enrich(otherYear)).isEmpty();
        assertThat(enricher.enrich(progress("99.99.99", LocalDate.of(2020, 3, 31), "1"))).isEmpty();
    }

    static ProgressReport progress(String operation, LocalDate periodEnd, String value) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(1)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(periodEnd.withDayOfMonth(1)).setPeriodEnd(periodEnd)
                .setReportedAt(Instant.parse("2020-10-01T12:00:00Z")).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(null).setClientVersion(null)
                .build();
    }

    static ExpenditureReport expenditure(String objectCode, String fundingSource, LocalDate spentOn) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(2)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode(objectCode)
                .setFundingSource(fundingSource).setAmount(new BigDecimal("1.00")).setSpentOn(spentOn)
                .setDocumentNumber("C-1").setReportedAt(Instant.parse("2020-10-01T12:00:00Z"))
                .setReversesMessageId(null).setClientVersion(null)
                .build();
    }
}
