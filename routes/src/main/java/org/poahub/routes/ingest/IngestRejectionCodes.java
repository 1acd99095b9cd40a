package org.poahub.routes.ingest;

/** Rejection codes of the ingest route itself, next to the validation rule codes of {@code org.poahub.rules}. */
public final class IngestRejectionCodes {

    /** The payload is not in the Confluent wire format, is truncated or does not decode with its schema. */
    public static final String UNDECODABLE = "PAYLOAD_UNDECODABLE";
    /** The payload decodes, but to a record that does not belong on this topic (e.g. an expenditure on progress). */
    public static final String WRONG_TOPIC = "WRONG_TOPIC";
    /**
     * Ingesting the record failed again and again for a reason that is not a dependency being down (a bug, a
     * constraint violation): it is set aside so the records after it are not held up.
     */
    public static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private IngestRejectionCodes() {
    }
}
