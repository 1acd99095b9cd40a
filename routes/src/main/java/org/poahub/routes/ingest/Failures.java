package org.poahub.routes.ingest;

import java.sql.SQLException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;

/** Tells a dependency that is down (retry the batch later) from a failure that retrying will not cure. */
public final class Failures {

    /**
     * SQLState classes of a database that cannot be reached or cannot serve right now: connection exception (08),
     * insufficient resources (53), operator intervention such as a shutdown (57), system error (58), and
     * serialization failure or deadlock (40).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private Failures() {
    }

    /** Whether the failure, or any of its causes, says a dependency was unavailable. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientIngestException || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** A transient failure as the route's retry clause knows it: itself if it already is one, else wrapped. */
    public static RuntimeException asTransient(RuntimeException failure) {
        if (failure instanceof TransientIngestException || failure instanceof RetriableException) {
            return failure;
        }
        return new TransientIngestException("Dependency unavailable: " + failure.getMessage(), failure);
    }
}
