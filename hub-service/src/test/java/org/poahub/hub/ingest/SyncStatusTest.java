package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncStatusTest {

    private static final Long[] NONE = new Long[0];

    @Test
    void anAgentsFirstContiguousNumbersLeaveNoGap() {
        SyncStatus s = SyncStatus.after(0, NONE, List.of(1L, 2L, 3L));

        assertThat(s.highest()).isEqualTo(3);
        assertThat(s.highestContiguous()).isEqualTo(3);
        assertThat(s.missing()).isEmpty();
    }

    @Test
    void skippedNumbersAreMissingUntilTheyArriveInAnyOrder() {
        SyncStatus first = SyncStatus.after(0, NONE, List.of(6L, 1L, 4L));
        assertThat(first.missing()).containsExactly(2L, 3L, 5L);
        assertThat(first.highest()).isEqualTo(6);
        assertThat(first.highestContiguous()).isEqualTo(1);

        SyncStatus second = SyncStatus.after(first.highest(), first.missing(), List.of(3L, 9L, 2L));
        assertThat(second.missing()).containsExactly(5L, 7L, 8L);
        assertThat(second.highest()).isEqualTo(9);
        assertThat(second.highestContiguous()).isEqualTo(4);

        SyncStatus third = SyncStatus.after(second.highest(), second.missing(), List.of(8L, 5L, 7L));
        assertThat(third.missing()).isEmpty();
        assertThat(third.highestContiguous()).isEqualTo(9);
    }

    @Test
    void aNumberReceivedBeforeChangesNothing() {
        Long[] missing = {3L};

        SyncStatus s = SyncStatus.after(5, missing, List.of(1L, 4L, 4L, 5L));

        assertThat(s.highest()).isEqualTo(5);
        assertThat(s.missing()).containsExactly(3L);
        assertThat(s.highestContiguous()).isEqualTo(2);
    }
}
