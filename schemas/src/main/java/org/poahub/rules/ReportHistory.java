package org.poahub.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.poahub.contract.ReportKind;

/**
 * What the rules need to know about reports already accepted. The agent answers from its outbox (its own region
 * only), the hub from PostgreSQL.
 */
public interface ReportHistory {

    /** A report already recorded: enough to check a correction or a reversal against it. */
    record RecordedReport(UUID messageId, String regionCode, ReportKind kind, BigDecimal amount) {
    }

    /** The latest cumulative achieved value reported for the operation by the region, if any. */
    Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode);

    Optional<RecordedReport> findReport(UUID messageId);

    /** Sum of the expenditure already charged to the budget line of the operation (reversals included). */
    BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line);

    /**
     * The key of the approved period (período aprobado, e.g. {@code 2020-03}) of the region that {@code reportDate}
     * falls in, if the hub approved one: a report accepted there is late data. Only the hub reviews periods; the
     * agent knows none (the default).
     */
    default Optional<String> approvedPeriod(String regionCode, LocalDate reportDate) {
        return Optional.empty();
    }

    /** A history with nothing in it: for a first report or for tests. */
    ReportHistory EMPTY = new ReportHistory() {
        @Override
        public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
            return Optional.empty();
        }

        @Override
        public Optional<RecordedReport> findReport(UUID messageId) {
            return Optional.empty();
        }

        @Override
        public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
            return BigDecimal.ZERO;
        }
    };
}
