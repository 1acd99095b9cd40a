package org.poahub.hub.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An agent's sync status after a batch: a sequence number above the highest so far is new and adds the numbers it
 * skipped to the missing ones, a missing one fills its gap, any other was received before and changes nothing.
 *
 * @param missing ascending
 */
record SyncStatus(long highest, long highestContiguous, Long[] missing) {

    /** @param missing the agent's missing numbers before the batch, ascending (as stored) */
    static SyncStatus after(long highest, Long[] missing, List<Long> received) {
        Set<Long> fresh = new HashSet<>();
        long newHighest = highest;
        for (Long sequence : received) {
            if (sequence > highest || Arrays.binarySearch(missing, sequence) >= 0) {
                fresh.add(sequence);
                newHighest = Math.max(newHighest, sequence);
            }
        }
        // old gaps (all below highest) first, then the numbers the newest ones skipped: ascending without sorting
        List<Long> stillMissing = new ArrayList<>();
        for (Long sequence : missing) {
            if (!fresh.contains(sequence)) {
                stillMissing.add(sequence);
            }
        }
        for (long skipped = highest + 1; skipped < newHighest; skipped++) {
            if (!fresh.contains(skipped)) {
                stillMissing.add(skipped);
            }
        }
        long contiguous = stillMissing.isEmpty() ? newHighest : stillMissing.get(0) - 1;
        return new SyncStatus(newHighest, contiguous, stillMissing.toArray(Long[]::new));
    }
}
