package org.poahub.routes.ingest;

import java.util.List;
/** What a committed batch has to send: an outcome per decoded report and a dead letter per rejection. */
public record IngestBatchResult(List<OutcomeMessage> outcomes, List<Rejection> deadLetters) {

    public IngestBatchResult {
        outcomes = List.copyOf(outcomes);
        deadLetters = List.copyOf(deadLetters);
    }
}
