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

class SendingStateTest {

    @TempDir
    Path dir;
    StoreFixture f;
    SendingState sending;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        sending = f.store.sending();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void pendingReportsComeInPagesOldestFirst() {
        f.save(f.progress("11.04.02", "1"), f.progress("11.04.02", "2"), f.progress("11.04.02", "3"));
        assertThat(sending.pending(0, 2)).extracting(OutboxRow::sequence).containsExactly(1L, 2L);
        assertThat(sending.pending(2, 2)).extracting(OutboxRow::sequence).containsExactly(3L);
        assertThat(sending.pending(0, 10).get(0).payload()).isNotEmpty();
    }

    @Test
    void acknowledgedReportsAreSentAndNoLongerPendingAndTheContactIsRecorded() {
        f.save(f.progress("11.04.02", "1"), f.progress("11.04.02", "2"));
        sending.markSent(List.of(1L));
        assertThat(sending.count(ReportState.ENVIADO)).isEqualTo(1);
        assertThat(sending.count(ReportState.PENDIENTE)).isEqualTo(1);
        assertThat(sending.countAll()).isEqualTo(2);
        assertThat(sending.pending(0, 10)).extracting(OutboxRow::sequence).containsExactly(2L);
        assertThat(f.store.statusStore().get(StatusStore.LAST_CONTACT)).isPresent();
    }

    @Test
    void aLateAcknowledgementNeverMovesAnOutcomeBack() {
        UUID id = f.save(f.progress("11.04.02", "1"));
        sending.markSent(List.of(1L));
        f.store.outcomes().saveOutcome(StoreFixture.outcome(id, ReportKind.PROGRESS, OutcomeStatus.ACCEPTED));
        sending.markSent(List.of(1L));
        assertThat(sending.count(ReportState.ACEPTADO)).isEqualTo(1);
        assertThat(sending.count(ReportState.ENVIADO)).isZero();
    }
}
