package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/** The consolidated figures a batch reads and changes, keyed as in their tables. */
final class Figures {

    private Figures() {
    }

    /** A row of {@code consolidated_progress}. */
    record ProgressKey(int fiscalYear, String operationCode, String regionCode) implements Comparable<ProgressKey> {

        private static final Comparator<ProgressKey> ORDER = Comparator.comparingInt(ProgressKey::fiscalYear)
                .thenComparing(ProgressKey::operationCode).thenComparing(ProgressKey::regionCode);

        @Override
        public int compareTo(ProgressKey other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * An operation × region's physical progress: the latest cumulative value replaces the figure, an older period
     * only counts as a report.
     */
    static final class Progress {
        private BigDecimal cumulativeValue;
        private BigDecimal percentComplete;
        private LocalDate lastPeriodEnd;
        private UUID lastMessageId;
        private int reports;
        /** whether the row is in the table (then locked by this transaction) or new in this batch */
        private final boolean stored;

        Progress(BigDecimal cumulativeValue, BigDecimal percentComplete, LocalDate lastPeriodEnd, UUID lastMessageId,
                 int reports, boolean stored) {
            this.cumulativeValue = cumulativeValue;
            this.percentComplete = percentComplete;
            this.lastPeriodEnd = lastPeriodEnd;
            this.lastMessageId = lastMessageId;
            this.reports = reports;
            this.stored = stored;
        }

        /** The first report of an operation × region. */
        static Progress first(BigDecimal cumulativeValue, BigDecimal percentComplete, LocalDate periodEnd,
                              UUID messageId) {
            return new Progress(cumulativeValue, percentComplete, periodEnd, messageId, 1, false);
        }

        /** A later report: replaces the figure when its period is not older or it corrects the latest report. */
        void add(BigDecimal value, BigDecimal percent, LocalDate periodEnd, UUID messageId, UUID correctsMessageId) {
            if (!periodEnd.isBefore(lastPeriodEnd) || lastMessageId.equals(correctsMessageId)) {
                cumulativeValue = value;
                percentComplete = percent;
                lastPeriodEnd = periodEnd;
                lastMessageId = messageId;
            }
            reports++;
        }

        BigDecimal cumulativeValue() {
            return cumulativeValue;
        }

        BigDecimal percentComplete() {
            return percentComplete;
        }

        LocalDate lastPeriodEnd() {
            return lastPeriodEnd;
        }

        UUID lastMessageId() {
            return lastMessageId;
        }

        int reports() {
            return reports;
        }

        boolean stored() {
            return stored;
        }
    }

    /** The operations of a fiscal year whose national spend ({@code operation_spend}) a batch reads. */
    record OperationKey(int fiscalYear, String operationCode) {
    }

    /** An object code and funding column of an operation's spend. */
    record SpendLine(String objectCode, String fundingSource) {
    }

    /** A row of {@code operation_spend}. */
    record OperationSpendKey(int fiscalYear, String operationCode, String objectCode, String fundingSource)
            implements Comparable<OperationSpendKey> {

        private static final Comparator<OperationSpendKey> ORDER =
                Comparator.comparingInt(OperationSpendKey::fiscalYear).thenComparing(OperationSpendKey::operationCode)
                        .thenComparing(OperationSpendKey::objectCode).thenComparing(OperationSpendKey::fundingSource);

        @Override
        public int compareTo(OperationSpendKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of {@code consolidated_spend}: an operation × region × object-of-expenditure group × funding column. */
    record RegionSpendKey(int fiscalYear, String operationCode, String regionCode, String objectGroup,
                          String fundingSource) implements Comparable<RegionSpendKey> {

        private static final Comparator<RegionSpendKey> ORDER =
                Comparator.comparingInt(RegionSpendKey::fiscalYear).thenComparing(RegionSpendKey::operationCode)
                        .thenComparing(RegionSpendKey::regionCode).thenComparing(RegionSpendKey::objectGroup)
                        .thenComparing(RegionSpendKey::fundingSource);

        @Override
        public int compareTo(RegionSpendKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** What a batch adds to a {@code consolidated_spend} row. */
    record SpendDelta(BigDecimal spent, int reports) {

        static final SpendDelta NONE = new SpendDelta(BigDecimal.ZERO, 0);

        SpendDelta plus(BigDecimal amount) {
            return new SpendDelta(spent.add(amount), reports + 1);
        }
    }
}
