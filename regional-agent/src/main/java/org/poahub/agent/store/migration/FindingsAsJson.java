package org.poahub.agent.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.poahub.agent.store.FindingsJson;
import org.poahub.contract.Severity;
import org.poahub.rules.Finding;

/**
 * V2: the findings of the hub's outcomes ({@code outcome.findings}) and the offline warnings of reports
 * ({@code outbox.warnings}) move from the release's hand-written text (one finding per line, tab-separated code,
 * severity, field, message) to JSON ({@link FindingsJson}), row by row in place. Runs inside Flyway's transaction,
 * so a file is converted completely or not at all.
 */
public final class FindingsAsJson implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "findings as json";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        convert(c, "outcome", "message_id", "findings");
        convert(c, "outbox", "seq", "warnings");
    }

    private static void convert(Connection c, String table, String key, String column) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT " + key + ", " + column + " FROM " + table
                + " WHERE " + column + " IS NOT NULL");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                try {
                    rows.add(new Object[] {rs.getObject(1), FindingsJson.encode(legacy(rs.getString(2)))});
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(table + "." + column + " de " + rs.getObject(1)
                            + ": texto ilegible (" + e.getMessage() + ")", e);
                }
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + key
                + " = ?")) {
            for (Object[] row : rows) {
                u.setString(1, (String) row[1]);
                u.setObject(2, row[0]);
                u.addBatch();
            }
            u.executeBatch();
        }
    }

    /** The release's format, read exactly as its decoder did (a line of fewer than four parts was skipped). */
    static List<Finding> legacy(String text) {
        List<Finding> findings = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                findings.add(new Finding(parts[0], Severity.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2],
                        parts[3]));
            }
        }
        return findings;
    }
}
