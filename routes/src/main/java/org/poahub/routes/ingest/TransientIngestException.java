package org.poahub.routes.ingest;

/**
 * A dependency (database, registry, broker) could not be reached: the batch is retried as a whole later, its
 * offsets are not committed and none of its reports is rejected.
 */
public class TransientIngestException extends RuntimeException {

    public TransientIngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
