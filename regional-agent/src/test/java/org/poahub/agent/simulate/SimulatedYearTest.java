package org.poahub.agent.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.StoredReport;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;

/** The simulated SENAVEX 2020 year of three regional offices (each a third of the plan), as ./run-local runs it. */
class SimulatedYearTest {

    private static final BigDecimal PLAN_BUDGET = new BigDecimal("11320195.00");
    private static final BigDecimal THIRD = BigDecimal.ONE.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP);
    private static final long[] SEEDS = {"BO-L".hashCode(), "BO-C".hashCode(), "BO-S".hashCode()};

    @TempDir
    Path dir;
    AgentStore store;
    List<PlannedOperation> operations;

    @BeforeEach
    void open() {
        store = AgentStore.open(dir.resolve("agente.db"));
        BundledPlan.seedIfEmpty(store);
        operations = store.planOperations(2020);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void threeOfficesEndTheYearNearThePlansBudget() {
        BigDecimal planned = operations.stream().flatMap(op -> op.budgetLines().stream())
                .map(PlannedBudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal spent = BigDecimal.ZERO;
        for (long seed : SEEDS) {
            spent = spent.add(yearSpend(SimulatedYear.of(operations, seed, THIRD)));
        }

        assertThat(planned).isEqualByComparingTo(PLAN_BUDGET);
        assertThat(spent.scale()).isEqualTo(2);
        // between 85 % and 100 % of Bs 11,320,195.00: behind operations spend less, a few lines overspend
        assertThat(spent).isBetween(new BigDecimal("9622165.75"), PLAN_BUDGET);
    }

    @Test
    void someOperationsRunBehindSomeAheadAndAFewLinesAreOverspent() {
        SimulatedYear year = SimulatedYear.of(operations, SEEDS[0], THIRD);
        YearMonth december = YearMonth.of(2020, 12);

        List<PlannedOperation> behind = operations.stream().filter(op -> year.behind(op.code())).toList();
        List<PlannedOperation> ahead = operations.stream().filter(op -> year.ahead(op.code())).toList();
        List<PlannedBudgetLine> lines = operations.stream().flatMap(op -> op.budgetLines().stream()).toList();
        List<PlannedBudgetLine> overspent = lines.stream().filter(year::overspent).toList();

        assertThat(behind).hasSizeBetween(3, 20).allSatisfy(op ->
                assertThat(year.progressPercent(op, december)).isLessThan(new BigDecimal("90.00")));
        assertThat(ahead).hasSizeBetween(1, 12).allSatisfy(op ->
                assertThat(year.progressPercent(op, YearMonth.from(op.end()))).isEqualByComparingTo("100.00"));
        assertThat(overspent).hasSizeBetween(1, lines.size() / 5).allSatisfy(line -> assertThat(year.finalSpend(line))
                .isGreaterThan(line.amount().multiply(THIRD).setScale(2, RoundingMode.HALF_UP)));
    }

    @Test
    void theMonthsOfALineAddUpExactlyToItsSpendAtTheYearsEnd() {
        SimulatedYear year = SimulatedYear.of(operations, SEEDS[1], THIRD);
        for (PlannedOperation op : operations) {
            for (PlannedBudgetLine line : op.budgetLines()) {
                BigDecimal months = BigDecimal.ZERO;
                for (int m = 1; m <= 12; m++) {
                    BigDecimal amount = year.spendIn(op, line, YearMonth.of(2020, m));
                    assertThat(amount.scale()).isEqualTo(2);
                    assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
                    months = months.add(amount);
                }
                assertThat(months).isEqualByComparingTo(year.cumulativeSpend(op, line, YearMonth.of(2020, 12)));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameYear() {
        SimulatedYear a = SimulatedYear.of(operations, 42, THIRD);
        SimulatedYear b = SimulatedYear.of(operations, 42, THIRD);

        assertThat(yearSpend(a)).isEqualByComparingTo(yearSpend(b));
        assertThat(yearSpend(a)).isNotEqualByComparingTo(yearSpend(SimulatedYear.of(operations, 43, THIRD)));
    }

    @Test
    void theAgentSavesTheYearsSpendAsValidReports() {
        SimulatedYear year = SimulatedYear.of(operations, SEEDS[0], THIRD);
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);
        ReportValidator validator = store.validator(RuleSettings.DEFAULTS);
        java.util.Set<java.util.UUID> checked = new java.util.HashSet<>();
        for (int m = 1; m <= 12; m++) {
            simulator.month(2020, m, 0.0, year);
            // each month's reports as the hub would check them on arrival (progress against the months before)
            for (StoredReport r : store.list(null, 100_000)) {
                if (checked.add(r.messageId())) {
                    SpecificRecordBase record = store.record(r.messageId()).orElseThrow();
                    var result = record instanceof ProgressReport p ? validator.validate(p, "BO-L")
                            : validator.validate((ExpenditureReport) record, "BO-L");
                    assertThat(result.rejected()).as(r.operationCode() + " " + result.findings()).isFalse();
                }
            }
        }

        List<StoredReport> reports = store.list(null, 100_000);
        BigDecimal saved = reports.stream().filter(r -> r.kind() == ReportKind.EXPENDITURE)
                .map(r -> ((ExpenditureReport) store.record(r.messageId()).orElseThrow()).getAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(saved).isEqualByComparingTo(yearSpend(year));
        // one voucher per expense, never the same twice (the local stack's simulated SIGEP listing matches them)
        List<String> vouchers = reports.stream().filter(r -> r.kind() == ReportKind.EXPENDITURE)
                .map(r -> ((ExpenditureReport) store.record(r.messageId()).orElseThrow()).getDocumentNumber())
                .toList();
        assertThat(vouchers).doesNotHaveDuplicates().allMatch(v -> v.matches("CBTE-BO-L-2020(0[1-9]|1[0-2])-\\d{4}"));
    }

    private BigDecimal yearSpend(SimulatedYear year) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PlannedOperation op : operations) {
            for (PlannedBudgetLine line : op.budgetLines()) {
                sum = sum.add(year.cumulativeSpend(op, line, YearMonth.of(2020, 12)));
            }
        }
        return sum;
    }
}
