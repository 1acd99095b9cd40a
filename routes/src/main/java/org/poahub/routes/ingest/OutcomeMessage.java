package org.poahub.routes.ingest;

import org.poahub.contract.ReportOutcome;

/** An outcome and the topic it goes to: the outcomes topic of the region whose topic the report came on. */
public record OutcomeMessage(String topic, ReportOutcome outcome) {
}
