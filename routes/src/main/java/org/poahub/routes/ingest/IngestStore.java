package org.poahub.routes.ingest;

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

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(Function<Transaction, T> work);

    /** What a batch can read and write inside its transaction; reads see the batch's own earlier writes. */
    interface Transaction extends ReportHistory {

        /** The outcome already recorded for this message id: the report was processed before. */
        Optional<ReportOutcome> storedOutcome(UUID messageId);

        /**
         * Records the report (its row is the idempotency record: message id unique), its outcome, the agent's
         * sequence and, if accepted, its effect on the consolidated figures.
         *
         * @return false when the message id was recorded meanwhile (by another hub instance): nothing was changed
         */
        boolean record(DecodedReport report, ReportOutcome outcome);

        /** Keeps a rejection for staff (the {@code rejected_report} table); recording one twice keeps one row. */
        void recordRejection(Rejection rejection);
    }
}
