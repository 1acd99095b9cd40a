package org.poahub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.Severity;

class ReportValidatorTest {

    static final PlannedOperation OP = new PlannedOperation("11.04.02", 2020, LocalDate.of(2020, 2, 1),
            LocalDate.of(2020, 6, 30), List.of(new PlannedBudgetLine("20000", "Columna 1", new BigDecimal("12000.00")),
            new PlannedBudgetLine("39800", "", new BigDecimal("500.00"))));

    static final PlanView PLAN = new PlanView() {
        @Override
        public Optional<PlannedOperation> operation(int fiscalYear, String code) {
            return fiscalYear == 2020 && code.equals(OP.code()) ? Optional.of(OP) : Optional.empty();
        }

        @Override
        public boolean isKnownRegion(String regionCode) {
            return Set.of("BO-L", "BO-S", "BO-C").contains(regionCode);
        }
    };

    /** A history held in maps, enough for the rules. */
    static final class MapHistory implements ReportHistory {
        final Map<String, BigDecimal> progress = new HashMap<>();
        final Map<UUID, RecordedReport> reports = new HashMap<>();
        BigDecimal spent = BigDecimal.ZERO;
        /** approved periods: "region|first day|last day" → period key */
        final Map<String, String> approved = new HashMap<>();

        @Override
        public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String op) {
            return Optional.ofNullable(progress.get(regionCode + "|" + op));
        }

        @Override
        public Optional<RecordedReport> findReport(UUID messageId) {
            return Optional.ofNullable(reports.get(messageId));
        }

        @Override
        public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
            return spent;
        }

        @Override
        public Optional<String> approvedPeriod(String regionCode, LocalDate reportDate) {
            return approved.entrySet().stream().filter(e -> {
                String[] k = e.getKey().split("\\|");
                return k[0].equals(regionCode) && !reportDate.isBefore(LocalDate.parse(k[1]))
                        && !reportDate.isAfter(LocalDate.parse(k[2]));
            }).map(Map.Entry::getValue).findFirst();
        }
    }

    final MapHistory history = new MapHistory();
    final ReportValidator validator = new ReportValidator(PLAN, history);

    static ProgressReport.Builder progress() {
        return ProgressReport.newBuilder().setMessageId(UUID.randomUUID()).setAgentId("agent-1").setRegionCode("BO-L")
                .setSequence(1).setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(Instant.parse("2020-04-01T12:00:00Z")).setAchievedValue(new BigDecimal("10.0000"))
                .setPercentComplete(new BigDecimal("25.00")).setReporter("Ana");
    }

    static ExpenditureReport.Builder expenditure() {
        return ExpenditureReport.newBuilder().setMessageId(UUID.randomUUID()).setAgentId("agent-1")
                .setRegionCode("BO-L").setSequence(2).setFiscalYear(2020).setOperationCode("11.04.02")
                .setObjectCode("25220").setFundingSource("Columna 1").setAmount(new BigDecimal("100.00"))
                .setSpentOn(LocalDate.of(2020, 3, 10)).setDocumentNumber("C-1")
                .setReportedAt(Instant.parse("2020-04-01T12:00:00Z"));
    }

    private static List<String> codes(ValidationResult result) {
        return result.findings().stream().map(Finding::code).toList();
    }

    @Test
    void validProgressIsAccepted() {
        ValidationResult result = validator.validate(progress().build(), "BO-L");
        assertThat(result.findings()).isEmpty();
        assertThat(result.status()).isEqualTo(OutcomeStatus.ACCEPTED);
    }

    @Test
    void unknownOperationForTheFiscalYearIsRejected() {
        ValidationResult result = validator.validate(progress().setOperationCode("99.99.99").build(), null);
        assertThat(codes(result)).containsExactly(RuleCodes.OPERATION_UNKNOWN);
        assertThat(result.findings().get(0).field()).isEqualTo("operationCode");
        assertThat(result.findings().get(0).message()).contains("99.99.99").contains("gestión 2020");
        assertThat(result.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(codes(validator.validate(progress().setFiscalYear(2021)
                .setPeriodStart(LocalDate.of(2021, 3, 1)).setPeriodEnd(LocalDate.of(2021, 3, 2)).build(), null)))
                .containsExactly(RuleCodes.OPERATION_UNKNOWN);
    }

    @Test
    void unknownRegionAndRegionOfAnotherTopicAreRejected() {
        assertThat(codes(validator.validate(progress().setRegionCode("XX").build(), null)))
                .containsExactly(RuleCodes.REGION_UNKNOWN);
        assertThat(codes(validator.validate(progress().build(), "BO-S"))).containsExactly(RuleCodes.REGION_MISMATCH);
    }

    @Test
    void negativeValueAndPercentOutOfRangeAreRejected() {
        assertThat(codes(validator.validate(progress().setAchievedValue(new BigDecimal("-1")).build(), null)))
                .containsExactly(RuleCodes.VALUE_NEGATIVE);
        assertThat(codes(validator.validate(progress().setPercentComplete(new BigDecimal("100.01")).build(), null)))
                .containsExactly(RuleCodes.PERCENT_OUT_OF_RANGE);
        assertThat(codes(validator.validate(progress().setPercentComplete(new BigDecimal("-0.01")).build(), null)))
                .containsExactly(RuleCodes.PERCENT_OUT_OF_RANGE);
        assertThat(validator.validate(progress().setPercentComplete(null).build(), null).findings()).isEmpty();
    }

    @Test
    void progressGoingBackwardsNeedsACorrectionLink() {
        history.progress.put("BO-L|11.04.02", new BigDecimal("20"));
        assertThat(codes(validator.validate(progress().build(), null))).containsExactly(RuleCodes.PROGRESS_BACKWARDS);

        UUID earlier = UUID.randomUUID();
        history.reports.put(earlier, new ReportHistory.RecordedReport(earlier, "BO-L", ReportKind.PROGRESS, null));
        assertThat(validator.validate(progress().setCorrectsMessageId(earlier).build(), null).findings()).isEmpty();
    }

    @Test
    void correctionOfUnknownOtherRegionOrOtherKindIsRejected() {
        assertThat(codes(validator.validate(progress().setCorrectsMessageId(UUID.randomUUID()).build(), null)))
                .containsExactly(RuleCodes.CORRECTION_TARGET_UNKNOWN);
        UUID other = UUID.randomUUID();
        history.reports.put(other, new ReportHistory.RecordedReport(other, "BO-S", ReportKind.PROGRESS, null));
        assertThat(codes(validator.validate(progress().setCorrectsMessageId(other).build(), null)))
                .containsExactly(RuleCodes.CORRECTION_TARGET_OTHER_REGION);
        UUID spending = UUID.randomUUID();
        history.reports.put(spending, new ReportHistory.RecordedReport(spending, "BO-L", ReportKind.EXPENDITURE,
                BigDecimal.TEN));
        assertThat(codes(validator.validate(progress().setCorrectsMessageId(spending).build(), null)))
                .containsExactly(RuleCodes.CORRECTION_TARGET_WRONG_KIND);
    }

    @Test
    void datesOutsideTheFiscalYearAreRejectedOutsideTheScheduleOnlyWarned() {
        assertThat(codes(validator.validate(progress().setPeriodStart(LocalDate.of(2019, 12, 1)).build(), null)))
                .containsExactly(RuleCodes.DATE_OUTSIDE_FISCAL_YEAR);
        assertThat(codes(validator.validate(progress().setPeriodEnd(LocalDate.of(2020, 2, 1)).build(), null)))
                .containsExactly(RuleCodes.PERIOD_INVERTED);
        ValidationResult late = validator.validate(progress().setPeriodStart(LocalDate.of(2020, 9, 1))
                .setPeriodEnd(LocalDate.of(2020, 9, 30)).build(), null);
        assertThat(codes(late)).containsExactly(RuleCodes.DATE_OUTSIDE_OPERATION);
        assertThat(late.status()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(codes(validator.validate(expenditure().setSpentOn(LocalDate.of(2021, 1, 2)).build(), null)))
                .containsExactly(RuleCodes.DATE_OUTSIDE_FISCAL_YEAR);
    }

    @Test
    void validExpenditureOnABudgetedGroupIsAccepted() {
        assertThat(validator.validate(expenditure().build(), "BO-L").status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(validator.validate(expenditure().setObjectCode("39810").setFundingSource("OTRA").build(), null)
                .findings()).isEmpty();
    }

    @Test
    void unbudgetedObjectIsAWarningByDefaultAndARejectionWhenConfigured() {
        ExpenditureReport report = expenditure().setObjectCode("31110").build();
        ValidationResult byDefault = validator.validate(report, null);
        assertThat(codes(byDefault)).containsExactly(RuleCodes.OBJECT_NOT_BUDGETED);
        assertThat(byDefault.status()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        ValidationResult strict = new ReportValidator(PLAN, history, new RuleSettings(Severity.ERROR))
                .validate(report, null);
        assertThat(strict.status()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(codes(validator.validate(expenditure().setFundingSource("DONACION").build(), null)))
                .containsExactly(RuleCodes.OBJECT_NOT_BUDGETED);
    }

    @Test
    void objectCodeThatIsNotFiveDigitsIsRejectedWhateverTheBudget() {
        for (String code : new String[] {"", " 25220", "2522", "252200", "2522O", "٢٥٢٢٠"}) {
            ValidationResult result = validator.validate(expenditure().setObjectCode(code).build(), null);
            assertThat(codes(result)).as(code).containsExactly(RuleCodes.OBJECT_CODE_MALFORMED);
            assertThat(result.status()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(result.findings().get(0).message()).as(code).isEqualTo("La partida «" + code
                    + "» no es un código del Clasificador por Objeto del Gasto: deben ser cinco dígitos, p. ej. 25220.");
        }
    }

    @Test
    void nonPositiveAmountIsRejectedUnlessAReversal() {
        assertThat(codes(validator.validate(expenditure().setAmount(new BigDecimal("0.00")).build(), null)))
                .containsExactly(RuleCodes.AMOUNT_NOT_POSITIVE);
        UUID original = UUID.randomUUID();
        history.reports.put(original, new ReportHistory.RecordedReport(original, "BO-L", ReportKind.EXPENDITURE,
                new BigDecimal("100.00")));
        assertThat(validator.validate(expenditure().setAmount(new BigDecimal("-100.00"))
                .setReversesMessageId(original).build(), null).findings()).isEmpty();
        assertThat(codes(validator.validate(expenditure().setAmount(new BigDecimal("100.00"))
                .setReversesMessageId(original).build(), null)))
                .containsExactly(RuleCodes.REVERSAL_AMOUNT_NOT_NEGATIVE);
    }

    @Test
    void reversalOfUnknownOtherRegionOrOtherKindIsRejected() {
        ExpenditureReport.Builder reversal = expenditure().setAmount(new BigDecimal("-5.00"));
        assertThat(codes(validator.validate(reversal.setReversesMessageId(UUID.randomUUID()).build(), null)))
                .containsExactly(RuleCodes.REVERSAL_TARGET_UNKNOWN);
        UUID other = UUID.randomUUID();
        history.reports.put(other, new ReportHistory.RecordedReport(other, "BO-C", ReportKind.EXPENDITURE,
                BigDecimal.TEN));
        assertThat(codes(validator.validate(reversal.setReversesMessageId(other).build(), null)))
                .containsExactly(RuleCodes.REVERSAL_TARGET_OTHER_REGION);
        UUID progress = UUID.randomUUID();
        history.reports.put(progress, new ReportHistory.RecordedReport(progress, "BO-L", ReportKind.PROGRESS, null));
        assertThat(codes(validator.validate(reversal.setReversesMessageId(progress).build(), null)))
                .containsExactly(RuleCodes.REVERSAL_TARGET_WRONG_KIND);
    }

    @Test
    void expenditurePushingTheLineOverItsAmountIsAcceptedWithAWarning() {
        history.spent = new BigDecimal("11950.00");
        ValidationResult result = validator.validate(expenditure().build(), null);
        assertThat(codes(result)).containsExactly(RuleCodes.BUDGET_LINE_EXCEEDED);
        assertThat(result.status()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(result.findings().get(0).message()).contains("12050").contains("revisión");
    }

    @Test
    void objectCodeGroupsCoverTheirDetailedCodes() {
        assertThat(ObjectCodes.covers("20000", "25220")).isTrue();
        assertThat(ObjectCodes.covers("25200", "25220")).isTrue();
        assertThat(ObjectCodes.covers("25200", "25120")).isFalse();
        assertThat(ObjectCodes.covers("25220", "25220")).isTrue();
        assertThat(ObjectCodes.covers("20000", "2522")).isFalse();
    }

    @Test
    void aReportReachingAnApprovedPeriodOfItsRegionIsAcceptedWithALateDataWarning() {
        history.approved.put("BO-L|2020-03-01|2020-03-31", "2020-03");

        ValidationResult progress = validator.validate(progress().build(), "BO-L");
        ValidationResult spend = validator.validate(expenditure().build(), "BO-L");

        assertThat(progress.status()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(codes(progress)).containsExactly(RuleCodes.PERIOD_ALREADY_APPROVED);
        assertThat(progress.findings().get(0).message()).contains("2020-03", "BO-L", "reaprobación");
        assertThat(codes(spend)).containsExactly(RuleCodes.PERIOD_ALREADY_APPROVED);
        assertThat(spend.findings().get(0).field()).isEqualTo("spentOn");
    }

    @Test
    void noLateDataWarningForAnotherRegionAnotherPeriodOrARejectedReport() {
        history.approved.put("BO-L|2020-03-01|2020-03-31", "2020-03");

        assertThat(validator.validate(progress().setRegionCode("BO-S").build(), "BO-S").status())
                .isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(validator.validate(expenditure().setSpentOn(LocalDate.of(2020, 4, 1)).build(), "BO-L")
                .status()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(codes(validator.validate(progress().setAchievedValue(new BigDecimal("-1")).build(), "BO-L")))
                .containsExactly(RuleCodes.VALUE_NEGATIVE);
    }
}
