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
import org.poahub.rules.RuleCodes;

class ReportListingTest {

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
    void theNewestReportsComeInSequenceOrder() {
        f.save(f.progress("11.04.02", "1"), f.progress("11.04.02", "2"), f.progress("11.04.02", "3"));
        assertThat(f.store.listing().list(null, 2)).extracting(StoredReport::sequence).containsExactly(2L, 3L);
        assertThat(f.store.listing().list(null, 0)).extracting(StoredReport::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void onlyOneStateWhenAsked() {
        f.save(f.progress("11.04.02", "1"), f.progress("11.04.02", "2"));
        f.store.sending().markSent(List.of(2L));
        assertThat(f.store.listing().list(ReportState.ENVIADO, 0)).extracting(StoredReport::sequence)
                .containsExactly(2L);
        assertThat(f.store.listing().list(ReportState.PENDIENTE, 5)).extracting(StoredReport::sequence)
                .containsExactly(1L);
        assertThat(f.store.listing().list(ReportState.RECHAZADO, 0)).isEmpty();
    }

    @Test
    void theHubsFindingsReplaceTheOfflineWarningsOnceTheOutcomeArrives() {
        f.save(f.expenditure("04.01.02", "25220", "11990.00", null));
        UUID over = f.save(f.expenditure("04.01.02", "25110", "20.00", null));
        assertThat(f.store.listing().list(null, 1).get(0).findings()).extracting(x -> x.code())
                .containsExactly(RuleCodes.BUDGET_LINE_EXCEEDED);
        f.store.outcomes().saveOutcome(StoreFixture.outcome(over, ReportKind.EXPENDITURE, OutcomeStatus.ACCEPTED));
        assertThat(f.store.listing().list(null, 1).get(0).findings()).isEmpty();
    }
}
