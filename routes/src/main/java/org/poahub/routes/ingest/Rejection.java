package org.poahub.routes.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * Why a record was not accepted, kept with its original bytes: written to {@code rejected_report} and sent to the
 * dead-letter topic.
 *
 * @param messageId  the report's message id when it could be decoded, else null
 * @param regionCode the region when known (from the report or its topic), else null
 * @param schemaId   the schema id in the payload header when there was one, else null
 * @param message    Spanish, for staff and the regional office; no exception text inside
 * @param detail     technical detail for staff (exception text), or null; column {@code rejected_report.detail}
 */
public record Rejection(IncomingRecord source, UUID messageId, String regionCode, Integer schemaId, String code,
                        String field, String message, String route, Instant rejectedAt, String detail) {

    /** A rejection whose reason needs no technical detail (a validation rule's). */
    public Rejection(IncomingRecord source, UUID messageId, String regionCode, Integer schemaId, String code,
                     String field, String message, String route, Instant rejectedAt) {
        this(source, messageId, regionCode, schemaId, code, field, message, route, rejectedAt, null);
    }
}
