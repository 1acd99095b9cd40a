package org.poahub.hub.rejected;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the rejected-reports API. */
final class RejectedReportViews {

    private RejectedReportViews() {
    }

    /**
     * Why the report was rejected.
     *
     * @param message Spanish, as sent to the region in the outcome or dead-letter headers
     * @param route   the Camel route that rejected it
     * @param detail  technical detail for staff (exception text), never inside the Spanish message; often null
     */
    record Reason(String code, String field, String message, String route, Instant rejectedAt, String detail) {
    }

    /** Where the record was on Kafka, and the schema id in its payload header (null if it had none). */
    record Source(String topic, int partition, long offset, Integer schemaId) {
    }

    /** One rejected report in a listing; {@code messageId} is null when the payload could not be decoded. */
    record Summary(long id, UUID messageId, String regionCode, Reason reason, Source source) {
    }

    /** One rejected report with its original bytes (Confluent wire format), for audit and replay. */
    record Detail(long id, UUID messageId, String regionCode, Reason reason, Source source, String payloadBase64,
                  int payloadBytes) {
    }

    /** A page of rejected reports, newest first. */
    record Page(List<Summary> items, int page, int size, long totalItems) {
    }
}
