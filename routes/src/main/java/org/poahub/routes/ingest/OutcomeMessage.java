package org.poahub.routes.ingest;

import java.time.Instant;
import org.poahub.contract.ReportOutcome;

/**
 * An outcome and the topic it goes to: the outcomes topic of the region whose topic the report came on.
 *
 * @param reportedAt  when the agent says it wrote the report (for the end-to-end latency metric); null if unknown
 * @param redelivered the report was already recorded (redelivery or resend): the outcome is the stored one
 */
public record OutcomeMessage(String topic, ReportOutcome outcome, Instant reportedAt, boolean redelivered) {

    public OutcomeMessage(String topic, ReportOutcome outcome) {
        this(topic, outcome, null, false);
    }
}
