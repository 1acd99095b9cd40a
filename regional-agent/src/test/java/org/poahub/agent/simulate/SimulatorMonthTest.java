package org.poahub.agent.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
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
import org.poahub.rules.ReportValidator;
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
    void oneMonthIsOneValidReportPerOperationWithProgressEqualToTheMonth() {
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);

        assertThat(simulator.month(2020, 3, 0.0)).isEqualTo(46);

        List<StoredReport> reports = store.list(null, 1000);
        assertThat(reports).hasSize(46);
        assertThat(reports).extracting(StoredReport::operationCode).doesNotHaveDuplicates();
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.PROGRESS).isNotEmpty()
                .allSatisfy(r -> assertThat(r.value()).isEqualByComparingTo("3"));
        assertThat(reports).filteredOn(r -> r.kind() == ReportKind.EXPENDITURE).isNotEmpty();
        assertThat(reports).noneMatch(this::rejectedByTheRules);
    }

    @Test
    void anInvalidShareOfOneMakesEveryReportInvalid() {
        Simulator simulator = new Simulator(store, new ReportFactory("agente-sim", "BO-L"), 7);

        simulator.month(2020, 1, 1.0);

        assertThat(store.list(null, 1000)).hasSize(46).allMatch(this::rejectedByTheRules);
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
