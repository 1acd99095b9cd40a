package org.poahub.routes.ingest;

import java.time.Instant;
import java.util.List;

/**
 * What a committed batch has to send: an outcome per decoded report and a dead letter per rejection.
 *
 * @param committedAt when the batch's database transaction committed; null until it has
 */
public record IngestBatchResult(List<OutcomeMessage> outcomes, List<Rejection> deadLetters, Instant committedAt) {

    public IngestBatchResult {
        outcomes = List.copyOf(outcomes);
        deadLetters = List.copyOf(deadLetters);
    }

    public IngestBatchResult(List<OutcomeMessage> outcomes, List<Rejection> deadLetters) {
        this(outcomes, deadLetters, null);
    }

    public IngestBatchResult committedAt(Instant instant) {
        return new IngestBatchResult(outcomes, deadLetters, instant);
    }

    /** Records that could not be decoded: dead letters without an outcome. */
    public List<Rejection> undecodable() {
        return deadLetters.stream().filter(r -> r.messageId() == null).toList();
    }

    /** How many Kafka records the batch held: one outcome per decoded report plus the undecodable ones. */
    public int recordCount() {
        return outcomes.size() + undecodable().size();
    }
}
