package org.poahub.hub.ingest;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.contract.OutcomeStatus;

/**
 * How many reports a batch recorded per fiscal year × region × status, added to {@code report_count} (V26) so the read
 * side never counts the report table. In key order, so two transactions lock the rows in the same order.
 */
final class ReportCounts {

    /** A row of {@code report_count}. */
    record CountKey(int fiscalYear, String regionCode, String status) implements Comparable<CountKey> {

        private static final Comparator<CountKey> ORDER = Comparator.comparingInt(CountKey::fiscalYear)
                .thenComparing(CountKey::regionCode).thenComparing(CountKey::status);

        @Override
        public int compareTo(CountKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final Map<CountKey, Long> counts = new TreeMap<>();

    void add(int fiscalYear, String regionCode, OutcomeStatus status) {
        counts.merge(new CountKey(fiscalYear, regionCode, status.name()), 1L, Long::sum);
    }

    Map<CountKey, Long> counts() {
        return counts;
    }
}
