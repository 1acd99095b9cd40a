package org.poahub.routes.ingest;

/**
 * Called once a batch is fully done: transaction committed, outcomes and dead letters sent, offsets committed.
 * The hub records its ingest metrics here; a listener must not throw (the batch is already complete).
 */
@FunctionalInterface
public interface AfterOffsetCommit {

    AfterOffsetCommit NOTHING = result -> {
    };

    void batchCommitted(IngestBatchResult result);
}
