package org.poahub.routes.ingest;

import org.apache.kafka.common.serialization.Serializer;
import org.poahub.contract.ReportOutcome;

/** Serializes an outcome for its topic with the project's Confluent-wire serializer. */
public class OutcomeWriter {

    private final Serializer<ReportOutcome> serializer;

    public OutcomeWriter(Serializer<ReportOutcome> serializer) {
        this.serializer = serializer;
    }

    public byte[] write(OutcomeMessage message) {
        return serializer.serialize(message.topic(), message.outcome());
    }
}
