package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.rules.PlannedBudgetLine;

class OutcomeStoreTest {

    @TempDir
    Path dir;
    StoreFixture f;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void outcomesMoveReportsToTheirFinalStateWithTheHubsReasons() {
        UUID accepted = f.save(f.progress("11.04.02", "1"));
        UUID observed = f.save(f.progress("11.04.02", "2"));
        UUID rejected = f.save(f.progress("11.04.02", "3"));
        f.store.sending().markSent(List.of(1L, 2L, 3L));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(accepted, ReportKind.PROGRESS, OutcomeStatus.ACCEPTED));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(observed, ReportKind.PROGRESS,
                OutcomeStatus.ACCEPTED_WITH_WARNINGS, "PROGRESS_LATE", "Informado después del período"));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(rejected, ReportKind.PROGRESS, OutcomeStatus.REJECTED,
                "PROGRESS_BACKWARDS", "El avance acumulado no puede retroceder"));
        assertThat(f.store.listing().list(null, 0)).extracting(StoredReport::state).containsExactly(
                ReportState.ACEPTADO, ReportState.ACEPTADO_CON_OBSERVACIONES, ReportState.RECHAZADO);
        StoredReport r = f.store.listing().list(ReportState.RECHAZADO, 0).get(0);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("PROGRESS_BACKWARDS");
            assertThat(x.message()).isEqualTo("El avance acumulado no puede retroceder");
        });
    }

    @Test
    void aRejectedExpenditureLeavesTheRunningTotalOnceHoweverOftenItsOutcomeArrives() {
        UUID kept = f.save(f.expenditure("04.01.02", "25220", "100.00", null));
        UUID refused = f.save(f.expenditure("04.01.02", "25220", "40.00", null));
        PlannedBudgetLine line = new PlannedBudgetLine("25220", "Columna 1", new java.math.BigDecimal("12000"));
        assertThat(f.store.history().cumulativeSpend(2020, "04.01.02", line)).isEqualByComparingTo("140.00");
        f.store.outcomes().saveOutcome(StoreFixture.outcome(kept, ReportKind.EXPENDITURE, OutcomeStatus.ACCEPTED));
        for (int i = 0; i < 2; i++) {
            f.store.outcomes().saveOutcome(StoreFixture.outcome(refused, ReportKind.EXPENDITURE,
                    OutcomeStatus.REJECTED, "BUDGET_LINE_EXCEEDED", "Supera la partida"));
        }
        assertThat(f.store.history().cumulativeSpend(2020, "04.01.02", line)).isEqualByComparingTo("100.00");
        assertThat(f.store.sending().count(ReportState.RECHAZADO)).isEqualTo(1);
    }

    @Test
    void anOutcomeBeforeTheAcknowledgementStillGivesTheReportASendingTime() {
        UUID id = f.save(f.progress("11.04.02", "1"));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(id, ReportKind.PROGRESS, OutcomeStatus.ACCEPTED));
        assertThat(f.store.listing().list(null, 0).get(0).sentAt()).isNotNull();
        assertThat(f.store.statusStore().get(StatusStore.LAST_CONTACT)).isPresent();
    }
}
