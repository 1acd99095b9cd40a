package org.poahub.agent.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.StoredReport;
import org.apache.avro.specific.SpecificRecordBase;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.rules.Finding;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleCodes;
import org.poahub.rules.ValidationResult;
import org.poahub.rules.RuleSettings;

class SimulatorMonthTest {

    @TempDir
    Path dir;
    AgentStore store;

    @BeforeEach
    void open() {
        store = AgentStore.open(dir.resolve("agente.db"));
        BundledPlan.seedIfEmpty(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void oneMonthIsOneValidReportPerRunningOperationWithinItsSchedule() {
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);
        Map<String, PlannedOperation> running = runningIn(YearMonth.of(2020, 3));

        assertThat(simulator.month(2020, 3, 0.0)).isEqualTo(running.size()).isPositive().isLessThan(46);

        List<StoredReport> reports = store.list(null, 1000);
        assertThat(reports).extracting(StoredReport::operationCode).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(running.keySet());
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.PROGRESS).isNotEmpty().allSatisfy(r -> {
            // cumulative: one more for every month the operation has run, counting March
            long months = ChronoUnit.MONTHS.between(YearMonth.from(running.get(r.operationCode()).start()),
                    YearMonth.of(2020, 3)) + 1;
            assertThat(r.value()).isEqualByComparingTo(BigDecimal.valueOf(months));
        });
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.EXPENDITURE).isNotEmpty();
        assertThat(reports).noneMatch(this::rejectedByTheRules);
        assertThat(reports).allSatisfy(r -> assertThat(findingCodes(r)).doesNotContain(RuleCodes.DATE_OUTSIDE_OPERATION));
    }

    @Test
    void anInvalidShareOfOneMakesEveryReportInvalid() {
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);

        long saved = simulator.month(2020, 1, 1.0);

        assertThat(store.list(null, 1000)).hasSize((int) saved).isNotEmpty().allMatch(this::rejectedByTheRules);
    }

    private Map<String, PlannedOperation> runningIn(YearMonth month) {
        Map<String, PlannedOperation> running = new HashMap<>();
        for (PlannedOperation op : store.planOperations(2020)) {
            if (!op.start().isAfter(month.atEndOfMonth()) && !op.end().isBefore(month.atDay(1))) {
                running.put(op.code(), op);
            }
        }
        return running;
    }

    private List<String> findingCodes(StoredReport report) {
        ReportValidator validator = store.validator(RuleSettings.DEFAULTS);
        SpecificRecordBase record = store.record(report.messageId()).orElseThrow();
        ValidationResult result = record instanceof ProgressReport progress ? validator.validate(progress, "BO-L")
                : validator.validate((ExpenditureReport) record, "BO-L");
        return result.findings().stream().map(Finding::code).toList();
    }

    /** What the hub would say: the same rules, run here against the agent's cached plan. */
    private boolean rejectedByTheRules(StoredReport report) {
        ReportValidator validator = store.validator(RuleSettings.DEFAULTS);
        SpecificRecordBase record = store.record(report.messageId()).orElseThrow();
        return record instanceof ProgressReport progress ? validator.validate(progress, "BO-L").rejected()
                : validator.validate((ExpenditureReport) record, "BO-L").rejected();
    }

    @Test
    void refusesAMonthOutsideTheYear() {
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);
        assertThatThrownBy(() -> simulator.month(2020, 13, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
