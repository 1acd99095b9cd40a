package org.poahub.hub.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link StaffAction} to the audit trail, synchronously in the publisher's transaction (so the row
 * commits or rolls back with the change; a login, which has none, gets its own). Appends are serialised by a database
 * lock held to commit, so concurrent writers, on any hub instance, form one chain.
 */
@Service
public class AuditTrail {

    /** The result of a verification: rows checked, and the first broken row with why (both null when intact). */
    public record Verification(boolean intact, long rowsChecked, Long firstBrokenId, String reason) {
    }

    private final AuditRepository rows;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(AuditRepository rows) {
        this.rows = rows;
    }

    @EventListener
    @Transactional
    public void record(StaffAction action) {
        rows.lockChain();
        String previous = rows.lastHash();
        long id = rows.nextId();
        var at = AuditChain.storable(clock.instant());
        String before = AuditChain.json(action.before());
        String after = AuditChain.json(action.after());
        String actor = text(action.actor(), "desconocido");
        String code = text(action.action(), "DESCONOCIDA");
        String target = text(action.target(), "");
        rows.insert(new AuditChain.Row(id, at, actor, code, target, before, after, previous,
                AuditChain.hash(id, at, actor, code, target, before, after, previous)));
    }

    /** Recomputes the chain from the first row; stops at the first row that does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] checked = {0};
        String[] previous = {AuditChain.GENESIS};
        Verification[] broken = {null};
        rows.walk(row -> {
            checked[0]++;
            String reason = AuditChain.brokenBecause(row, previous[0]);
            if (reason != null) {
                broken[0] = new Verification(false, checked[0], row.id(), "Fila " + row.id() + ": " + reason + ".");
                return false;
            }
            previous[0] = row.hash();
            return true;
        });
        return broken[0] != null ? broken[0] : new Verification(true, checked[0], null, null);
    }

    @Transactional(readOnly = true)
    List<AuditChain.Row> find(AuditQuery query, int limit, long offset) {
        return rows.find(query, limit, offset);
    }

    @Transactional(readOnly = true)
    long count(AuditQuery query) {
        return rows.count(query);
    }

    private static String text(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
