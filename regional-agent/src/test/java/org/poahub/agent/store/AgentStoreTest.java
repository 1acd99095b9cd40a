package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleCodes;
import org.poahub.rules.RuleSettings;

class AgentStoreTest {

    @TempDir
    Path dir;
    AgentStore store;
    ReportFactory factory = new ReportFactory("agente-1", "BO-L");
    ReportValidator validator;

    @BeforeEach
    void open() {
        store = AgentStore.open(dir.resolve("agente.db"));
        BundledPlan.seedIfEmpty(store);
        validator = store.validator(RuleSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    ProgressInput progress(String op, String value) {
        return new ProgressInput(2020, op, LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31), new BigDecimal(value),
                null, "", List.of(), "Ana", null);
    }

    @Test
    void bundledPlanHasTheSenavexOperationsAndBudget() {
        assertThat(store.planOperations(2020)).hasSize(46);
        BigDecimal total = store.planOperations(2020).stream().flatMap(o -> o.budgetLines().stream())
                .map(l -> l.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo("11320195.00");
    }

    @Test
    void savedReportsGetGapFreeSequencesAndSurviveReopening() {
        SaveResult first = store.save(List.of(factory.progress(progress("11.04.02", "1")),
                factory.progress(progress("11.04.02", "2"))), validator);
        SaveResult second = store.save(List.of(factory.progress(progress("11.04.01", "1"))), validator);
        assertThat(first.saved()).extracting(SaveResult.Saved::sequence).containsExactly(1L, 2L);
        assertThat(second.saved().get(0).sequence()).isEqualTo(3L);
        store.close();
        store = AgentStore.open(dir.resolve("agente.db"));
        assertThat(store.count(ReportState.PENDIENTE)).isEqualTo(3);
        assertThat(store.pending(0, 10)).extracting(OutboxRow::sequence).containsExactly(1L, 2L, 3L);
        assertThat(store.pending(2, 10)).extracting(OutboxRow::sequence).containsExactly(3L);
    }

    @Test
    void aBatchWithOneInvalidReportSavesNothing() {
        SaveResult result = store.save(List.of(factory.progress(progress("11.04.02", "1")),
                factory.progress(progress("99.99.99", "1")), factory.progress(progress("11.04.02", "0.5"))), validator);
        assertThat(result.ok()).isFalse();
        assertThat(result.rejected().keySet()).containsExactly(1, 2);
        assertThat(result.rejected().get(1)).extracting(f -> f.code()).containsExactly(RuleCodes.OPERATION_UNKNOWN);
        // the third goes backwards against the first of the same batch
        assertThat(result.rejected().get(2)).extracting(f -> f.code()).containsExactly(RuleCodes.PROGRESS_BACKWARDS);
        assertThat(store.countAll()).isZero();
        // the sequence is not consumed by the rolled-back batch
        assertThat(store.save(List.of(factory.progress(progress("11.04.02", "1"))), validator).saved().get(0)
                .sequence()).isEqualTo(1L);
    }

    @Test
    void historyAnswersTheRules() {
        SaveResult spent = store.save(List.of(factory.expenditure(new ExpenditureInput(2020, "04.01.02", "25220", "Columna 1",
                new BigDecimal("11990.00"), LocalDate.of(2020, 3, 3), "C-1", "", null))), validator);
        assertThat(spent.ok()).isTrue();
        SaveResult over = store.save(List.of(factory.expenditure(new ExpenditureInput(2020, "04.01.02", "25110", "Columna 1",
                new BigDecimal("20.00"), LocalDate.of(2020, 3, 4), "C-2", "", null))), validator);
        assertThat(over.saved().get(0).warnings()).extracting(f -> f.code())
                .containsExactly(RuleCodes.BUDGET_LINE_EXCEEDED);
        UUID id = spent.saved().get(0).messageId();
        assertThat(store.findReport(id)).get().extracting(r -> r.kind()).isEqualTo(ReportKind.EXPENDITURE);
        SaveResult reversal = store.save(List.of(factory.expenditure(new ExpenditureInput(2020, "04.01.02", "25220",
                "Columna 1", new BigDecimal("-11990.00"), LocalDate.of(2020, 3, 5), "C-1", "", id))), validator);
        assertThat(reversal.ok()).isTrue();
    }

    @Test
    void outcomesMoveReportsToTheirFinalStateWithTheHubsReasons() {
        SaveResult saved = store.save(List.of(factory.progress(progress("11.04.02", "1"))), validator);
        UUID id = saved.saved().get(0).messageId();
        store.markSent(List.of(1L));
        assertThat(store.count(ReportState.ENVIADO)).isEqualTo(1);
        store.saveOutcome(ReportOutcome.newBuilder().setMessageId(id).setRegionCode("BO-L")
                .setReportKind(ReportKind.PROGRESS).setStatus(OutcomeStatus.REJECTED)
                .setFindings(List.of(new org.poahub.contract.Finding("PROGRESS_BACKWARDS", Severity.ERROR,
                        "achievedValue", "El avance acumulado no puede retroceder")))
                .setProcessedAt(Instant.now()).build());
        List<StoredReport> rejected = store.list(ReportState.RECHAZADO, 0);
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).findings().get(0).message()).isEqualTo("El avance acumulado no puede retroceder");
        // a late acknowledgement never moves an outcome back to "sent"
        store.markSent(List.of(1L));
        assertThat(store.count(ReportState.RECHAZADO)).isEqualTo(1);
    }
}
