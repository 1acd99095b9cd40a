package org.poahub.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain of the audit trail: a row's hash is SHA-256 (hex) over the canonical JSON array {@code [id,
 * occurredAt, actor, action, target, before, after, prevHash]} (before/after as their stored JSON text, the time as
 * an ISO-8601 instant in microseconds, PostgreSQL's precision); the first row's previous hash is 64 zeros.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private AuditChain() {
    }

    /** One stored row. */
    public record Row(long id, Instant occurredAt, String actor, String action, String target, String before,
                      String after, String prevHash, String hash) {
    }

    /** The canonical JSON of a before/after state: keys sorted, so equal states give equal text. */
    public static String json(Map<String, Object> state) {
        return CANONICAL.writeValueAsString(state);
    }

    /** Truncated to what PostgreSQL stores, so the hash computed before the insert matches the row read back. */
    public static Instant storable(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    public static String hash(long id, Instant occurredAt, String actor, String action, String target, String before,
                              String after, String prevHash) {
        String canonical = CANONICAL.writeValueAsString(List.of(id, storable(occurredAt).toString(), actor, action,
                target, before, after, prevHash));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Why {@code row} breaks the chain after a row with hash {@code previousHash}; null when it holds. */
    public static String brokenBecause(Row row, String previousHash) {
        if (!row.prevHash().equals(previousHash)) {
            return "su hash anterior no es el de la fila que la precede (falta, sobra o se movió una fila)";
        }
        String expected = hash(row.id(), row.occurredAt(), row.actor(), row.action(), row.target(), row.before(),
                row.after(), row.prevHash());
        return expected.equals(row.hash()) ? null : "su contenido no corresponde a su hash (fue modificada)";
    }
}
