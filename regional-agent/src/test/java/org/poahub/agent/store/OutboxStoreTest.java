package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.rules.RuleCodes;

class OutboxStoreTest {

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
    void savedReportsGetGapFreeSequencesAndSurviveReopening() {
        SaveResult first = f.store.outbox().save(List.of(f.progress("11.04.02", "1"), f.progress("11.04.02", "2")),
                f.validator);
        SaveResult second = f.store.outbox().save(List.of(f.progress("11.04.01", "1")), f.validator);
        assertThat(first.saved()).extracting(SaveResult.Saved::sequence).containsExactly(1L, 2L);
        assertThat(second.saved().get(0).sequence()).isEqualTo(3L);
        f.reopen();
        assertThat(f.store.sending().pending(0, 10)).extracting(OutboxRow::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aBatchWithOneInvalidReportSavesNothingAndConsumesNoSequence() {
        SaveResult result = f.store.outbox().save(List.of(f.progress("11.04.02", "1"), f.progress("99.99.99", "1"),
                f.progress("11.04.02", "0.5")), f.validator);
        assertThat(result.ok()).isFalse();
        assertThat(result.rejected().keySet()).containsExactly(1, 2);
        assertThat(result.rejected().get(1)).extracting(x -> x.code()).containsExactly(RuleCodes.OPERATION_UNKNOWN);
        // the third goes backwards against the first of the same batch
        assertThat(result.rejected().get(2)).extracting(x -> x.code()).containsExactly(RuleCodes.PROGRESS_BACKWARDS);
        assertThat(f.store.sending().countAll()).isZero();
        assertThat(f.store.outbox().save(List.of(f.progress("11.04.02", "1")), f.validator).saved().get(0)
                .sequence()).isEqualTo(1L);
    }

    @Test
    void theStoredRecordIsTheReportAsBuiltWithItsIdAndSequence() {
        UUID progress = f.save(f.progress("11.04.02", "4"));
        UUID spent = f.save(f.expenditure("04.01.02", "25220", "150.50", null));
        ProgressReport p = (ProgressReport) f.store.outbox().record(progress).orElseThrow();
        ExpenditureReport e = (ExpenditureReport) f.store.outbox().record(spent).orElseThrow();
        assertThat(p.getMessageId()).isEqualTo(progress);
        assertThat(p.getSequence()).isEqualTo(1L);
        assertThat(p.getAchievedValue()).isEqualByComparingTo("4");
        assertThat(e.getSequence()).isEqualTo(2L);
        assertThat(e.getAmount()).isEqualTo(new java.math.BigDecimal("150.50"));
        assertThat(f.store.outbox().record(UUID.randomUUID())).isEmpty();
    }

    @Test
    void offlineWarningsAreKeptWithTheReport() {
        f.save(f.expenditure("04.01.02", "25220", "11990.00", null));
        SaveResult over = f.store.outbox().save(List.of(f.expenditure("04.01.02", "25110", "20.00", null)),
                f.validator);
        assertThat(over.saved().get(0).warnings()).extracting(x -> x.code())
                .containsExactly(RuleCodes.BUDGET_LINE_EXCEEDED);
        assertThat(f.store.listing().list(null, 0).get(1).findings()).isEqualTo(over.saved().get(0).warnings());
    }
}
