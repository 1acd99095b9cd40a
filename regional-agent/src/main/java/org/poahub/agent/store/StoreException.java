package org.poahub.agent.store;

import java.sql.SQLException;

/** A failure of the local SQLite store. */
public class StoreException extends RuntimeException {

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
