package org.poahub.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlanModelView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.ReportHistory;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleCodes;
import org.poahub.rules.ValidationResult;

/** The generated reports pass the shared validation rules against the shipped SENAVEX 2020 plan, in order. */
class ReportGeneratorTest {

    private static final List<String> REGIONS = Topics.REGION_CODES.stream().sorted().toList();
    private static final Instant AT = Instant.parse("2020-06-30T12:00:00Z");

    @Test
    void reportsOnPlannedOperationsAreAcceptedAndTheInvalidShareIsRejected() {
        Plan plan = ShippedPlan.senavex2020();
        RegionCatalogue regions = RegionCatalogue.loadDefault();
        InMemoryHistory history = new InMemoryHistory();
        ReportValidator validator = new ReportValidator(new PlanModelView(plan, regions), history);
        ReportGenerator generator = new ReportGenerator(plan, REGIONS, 2, 1.0, 42);

        Map<OutcomeStatus, Integer> statuses = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        int progress = 0;
        for (int i = 0; i < 20_000; i++) {
            ReportGenerator.GeneratedReport generated = generator.next(Instant.now());
            String topicRegion = Topics.parse(generated.topic()).orElseThrow().regionCode();
            ValidationResult result;
            if (generated.report() instanceof ProgressReport p) {
                progress++;
                assertThat(generated.topic()).isEqualTo(Topics.progress(p.getRegionCode()));
                assertThat(generated.key()).isEqualTo(Topics.reportKey(p.getRegionCode(), p.getOperationCode()));
                result = validator.validate(p, topicRegion);
                if (!result.rejected()) {
                    history.progress.put(p.getRegionCode() + "|" + p.getOperationCode(), p.getAchievedValue());
                }
            } else {
                ExpenditureReport e = (ExpenditureReport) generated.report();
                assertThat(generated.topic()).isEqualTo(Topics.expenditure(e.getRegionCode()));
                result = validator.validate(e, topicRegion);
                if (!result.rejected()) {
                    history.spend.merge(e.getOperationCode() + "|" + e.getObjectCode() + "|" + e.getFundingSource(),
                            e.getAmount(), BigDecimal::add);
                }
            }
            statuses.merge(result.status(), 1, Integer::sum);
            result.findings().forEach(f -> codes.merge(f.code(), 1, Integer::sum));
        }

        assertThat(progress).as("progress share").isBetween(6_000, 10_000);
        assertThat(statuses.get(OutcomeStatus.REJECTED)).as("rejected (1 %% unknown operation)").isBetween(100, 300);
        assertThat(codes.keySet()).as("no error or warning but the unknown operation and a full budget line")
                .isSubsetOf(RuleCodes.OPERATION_UNKNOWN, RuleCodes.BUDGET_LINE_EXCEEDED);
        assertThat(codes.get(RuleCodes.OPERATION_UNKNOWN)).isEqualTo(statuses.get(OutcomeStatus.REJECTED));
    }

    @Test
    void theSameSeedGivesTheSameReports() {
        ReportGenerator a = seeded();
        ReportGenerator b = seeded();

        assertSameNext(a, b, 100);
    }

    @Test
    void aGeneratorThatSkipsGoesOnAsOneThatSentThoseReports() {
        ReportGenerator sent = seeded();
        ReportGenerator skipped = seeded();
        for (int i = 0; i < 250; i++) {
            sent.next(AT);
        }

        skipped.skip(250);

        assertThat(skipped.generated()).isEqualTo(250);
        assertSameNext(skipped, sent, 100);
    }

    private static ReportGenerator seeded() {
        return new ReportGenerator(ShippedPlan.senavex2020(), REGIONS, 3, 1.0, 7);
    }

    private static void assertSameNext(ReportGenerator a, ReportGenerator b, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(a.next(AT)).isEqualTo(b.next(AT));
        }
    }

    /** What the hub's tables would answer, kept in maps. */
    private static final class InMemoryHistory implements ReportHistory {
        final Map<String, BigDecimal> progress = new HashMap<>();
        final Map<String, BigDecimal> spend = new HashMap<>();

        @Override
        public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
            return Optional.ofNullable(progress.get(regionCode + "|" + operationCode));
        }

        @Override
        public Optional<RecordedReport> findReport(UUID messageId) {
            return Optional.empty();
        }

        @Override
        public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
            return spend.getOrDefault(operationCode + "|" + line.objectCode() + "|" + line.fundingSource(), BigDecimal.ZERO);
        }
    }
}
