package org.poahub.agent.sync;

/** A send the broker did not acknowledge. */
public class SyncException extends RuntimeException {

    public SyncException(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
