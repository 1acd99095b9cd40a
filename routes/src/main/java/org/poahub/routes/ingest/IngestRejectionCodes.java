package org.poahub.routes.ingest;

/** Rejection codes of the ingest route itself, next to the validation rule codes of {@code org.poahub.rules}. */
public final class IngestRejectionCodes {

    /** The payload is not in the Confluent wire format, is truncated or does not decode with its schema. */
    public static final String UNDECODABLE = "PAYLOAD_UNDECODABLE";
    /** The payload decodes, but to a record that does not belong on this topic (e.g. an expenditure on progress). */
    public static final String WRONG_TOPIC = "WRONG_TOPIC";

    private IngestRejectionCodes() {
    }
}
