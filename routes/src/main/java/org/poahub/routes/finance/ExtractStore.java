package org.poahub.routes.finance;

import java.util.Optional;

/** Where loaded extracts live (the hub implements it on PostgreSQL). */
public interface ExtractStore {

    /** The extract loaded earlier from exactly this content (same SHA-256), if any. */
    Optional<StoredExtract> findByChecksum(String sha256);

    /**
     * Stores {@code extract} whole as the next version of its period, superseding the one in force, in one
     * transaction.
     *
     * @throws DuplicateContentException when the same content was stored meanwhile (a concurrent load)
     */
    StoredExtract save(Extract extract, String sha256, String source, String loadedBy);

    /** The content was loaded before; thrown by {@link #save} when another load won the race. */
    class DuplicateContentException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public DuplicateContentException(String sha256, Throwable cause) {
            super("an extract with SHA-256 " + sha256 + " is already stored", cause);
        }
    }
}
