package org.poahub.routes.ingest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.poahub.contract.ReportOutcome;
import org.poahub.rules.ReportHistory;

/**
 * Where ingest keeps its results: one database transaction per batch. Implemented over PostgreSQL in the hub; a
 * database that cannot be reached is reported as a {@link TransientIngestException}.
 */
public interface IngestStore {

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. The store may
     * run {@code work} again in a new transaction (its effects of the first run rolled back) when another hub
     * instance recorded one of the batch's reports meanwhile: the second run finds that report's stored outcome.
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /**
     * What a batch can read and write inside its transaction. Reads see the batch's own earlier writes; the writes
     * themselves may be held back and sent together when {@code work} returns, before the commit.
     */
    interface Transaction extends ReportHistory {

        /**
         * Reads at once what these reports will ask for (stored outcomes, current figures, reports they correct or
         * reverse), so a batch costs a few queries instead of several per report. Optional: a read not prefetched
         * is answered all the same.
         */
        default void prefetch(List<DecodedReport> reports) {
        }

        /** The outcome already recorded for this message id: the report was processed before (maybe in this batch). */
        Optional<ReportOutcome> storedOutcome(UUID messageId);

        /**
         * Records the report (its row is the idempotency record: message id unique), its outcome, the agent's
         * sequence and, if accepted, its effect on the consolidated figures. Only for a message id without a stored
         * outcome.
         */
        void record(DecodedReport report, ReportOutcome outcome);

        /** Keeps a rejection for staff (the {@code rejected_report} table); recording one twice keeps one row. */
        void recordRejection(Rejection rejection);
    }
}
