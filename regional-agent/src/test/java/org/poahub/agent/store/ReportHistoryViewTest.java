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

class ReportHistoryViewTest {

    @TempDir
    Path dir;
    StoreFixture f;
    ReportHistoryView history;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        history = f.store.history();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theLatestProgressNotRejectedByTheHubIsTheBaselineForTheNext() {
        f.save(f.progress("11.04.02", "2"));
        UUID refused = f.save(f.progress("11.04.02", "5"));
        assertThat(history.previousCumulativeProgress("BO-L", 2020, "11.04.02")).get()
                .satisfies(v -> assertThat(v).isEqualByComparingTo("5"));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(refused, ReportKind.PROGRESS, OutcomeStatus.REJECTED,
                "PROGRESS_BACKWARDS", "No"));
        assertThat(history.previousCumulativeProgress("BO-L", 2020, "11.04.02")).get()
                .satisfies(v -> assertThat(v).isEqualByComparingTo("2"));
        assertThat(history.previousCumulativeProgress("BO-L", 2020, "11.04.01")).isEmpty();
    }

    @Test
    void aReportIsFoundByItsMessageIdForACorrectionOrAReversal() {
        UUID spent = f.save(f.expenditure("04.01.02", "25220", "11990.00", null));
        assertThat(history.findReport(spent)).get().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReportKind.EXPENDITURE);
            assertThat(r.regionCode()).isEqualTo("BO-L");
            assertThat(r.amount()).isEqualByComparingTo("11990.00");
        });
        assertThat(history.findReport(UUID.randomUUID())).isEmpty();
        SaveResult reversal = f.store.outbox().save(List.of(f.expenditure("04.01.02", "25220", "-11990.00", spent)),
                f.validator);
        assertThat(reversal.ok()).isTrue();
    }
}
