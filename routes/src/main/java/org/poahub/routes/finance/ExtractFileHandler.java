package org.poahub.routes.finance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Loads one extract file, all or nothing: the same content (SHA-256) twice loads once; a file with any problem loads
 * nothing and gets every problem back. Storage failures propagate (the route then leaves the file where it is and
 * tries again later).
 */
public class ExtractFileHandler {

    private final ExtractReader reader;
    private final ExtractStore store;
    private final String loadedBy;

    public ExtractFileHandler(ExtractReader reader, ExtractStore store, String loadedBy) {
        this.reader = reader;
        this.store = store;
        this.loadedBy = loadedBy;
    }

    public ExtractOutcome handle(String fileName, byte[] content, String source) {
        String sha256 = sha256(content);
        Optional<StoredExtract> earlier = store.findByChecksum(sha256);
        if (earlier.isPresent()) {
            return new ExtractOutcome.AlreadyLoaded(earlier.get(), sha256);
        }
        Extract extract;
        try {
            extract = reader.read(fileName, content);
        } catch (ExtractRejectedException e) {
            return new ExtractOutcome.Rejected(e.errors(), sha256);
        }
        try {
            return new ExtractOutcome.Loaded(store.save(extract, sha256, source, loadedBy), sha256);
        } catch (ExtractStore.DuplicateContentException e) {
            return new ExtractOutcome.AlreadyLoaded(store.findByChecksum(sha256).orElseThrow(() -> e), sha256);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
