package org.poahub.agent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The sync status the office sees in {@code estado}: key-values such as the last contact and the last error. */
public final class StatusStore {

    public static final String LAST_CONTACT = "last_contact";
    public static final String LAST_ERROR = "last_error";
    public static final String LAST_ERROR_AT = "last_error_at";

    private final StoreDatabase db;

    public StatusStore(StoreDatabase db) {
        this.db = db;
    }

    /** The status key of the cached plan's version for a fiscal year. */
    public static String planVersionKey(int fiscalYear) {
        return "plan_version_" + fiscalYear;
    }

    public void recordError(String message) {
        db.transaction("cannot record the sync error", () -> {
            put(LAST_ERROR, message);
            put(LAST_ERROR_AT, Long.toString(System.currentTimeMillis()));
            return null;
        });
    }

    public void recordContact() {
        db.read("cannot record the contact", () -> {
            put(LAST_CONTACT, Long.toString(System.currentTimeMillis()));
            return null;
        });
    }

    public Optional<String> get(String key) {
        return db.read("cannot read status " + key, () -> {
            PreparedStatement q = db.statement("SELECT value FROM status WHERE key = ?");
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** Sets a key; inside the caller's transaction when there is one. */
    void put(String key, String value) throws SQLException {
        PreparedStatement u = db.statement("INSERT OR REPLACE INTO status (key, value) VALUES (?, ?)");
        u.setString(1, key);
        u.setString(2, value);
        u.executeUpdate();
    }
}
