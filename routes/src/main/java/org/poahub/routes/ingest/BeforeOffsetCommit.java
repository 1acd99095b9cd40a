package org.poahub.routes.ingest;

/**
 * Called after the batch's transaction committed and its messages were sent, just before the offsets are
 * committed. A seam for tests that simulate a crash at the worst moment; does nothing in production.
 */
@FunctionalInterface
public interface BeforeOffsetCommit {

    BeforeOffsetCommit NOTHING = result -> {
    };

    void run(IngestBatchResult result);
}
