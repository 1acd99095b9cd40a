package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.rules.Finding;
import org.poahub.rules.PlannedOperation;

/**
 * An office PC upgrading the agent keeps its data: {@code legacy/agente-fe7a426.db} was written by the release
 * before migrations (commit fe7a426, with {@code legacy/LegacyFixtureWriter.java.txt}) — reports of both kinds in
 * every state, offline warnings, the hub's outcomes with findings, the bundled and a hub plan, spend totals and
 * status keys — and {@code agente-fe7a426.expected.txt} is what that release read back from it.
 */
class SchemaMigrationTest {

    static final String FIXTURE = "legacy/agente-fe7a426";

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheReleaseBeforeMigrationsOpensWithEveryReportOutcomePlanAndStatusIntact() throws Exception {
        Path db = legacyCopy();
        try (AgentStore store = AgentStore.open(db)) {
            assertThat(dump(store, db)).containsExactlyElementsOf(expected());
        }
    }

    @Test
    void theLegacyFileIsBaselinedAtVersionOneAndItsFindingsBecomeJson() throws Exception {
        Path db = legacyCopy();
        AgentStore.open(db).close();
        assertThat(query(db, "SELECT version || ' ' || type FROM flyway_schema_history WHERE version IS NOT NULL "
                + "ORDER BY installed_rank")).containsExactly("1 BASELINE", "2 JDBC");
        List<String> stored = query(db, "SELECT findings FROM outcome UNION ALL "
                + "SELECT warnings FROM outbox WHERE warnings IS NOT NULL");
        assertThat(stored).hasSize(8).allMatch(json -> json.startsWith("["));
        assertThat(stored).contains("[{\"code\":\"PROGRESS_LATE\",\"severity\":\"WARNING\",\"field\":null,"
                + "\"message\":\"El avance se informó después del período\"}]");
    }

    @Test
    void aNewDatabaseGetsTheSameSchemaAsAMigratedOne() throws Exception {
        Path migrated = legacyCopy();
        Path fresh = dir.resolve("nuevo/agente.db");
        AgentStore.open(migrated).close();
        AgentStore.open(fresh).close();
        assertThat(schema(fresh)).isNotEmpty().isEqualTo(schema(migrated));
        assertThat(query(fresh, "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1 SQL", "2 JDBC");
    }

    @Test
    void openingAnUpToDateFileAgainChangesNothing() throws Exception {
        Path db = legacyCopy();
        AgentStore.open(db).close();
        List<String> history = query(db, "SELECT installed_rank || version FROM flyway_schema_history");
        try (AgentStore store = AgentStore.open(db)) {
            assertThat(dump(store, db)).containsExactlyElementsOf(expected());
        }
        assertThat(query(db, "SELECT installed_rank || version FROM flyway_schema_history"))
                .containsExactlyElementsOf(history);
    }

    @Test
    void anUpToDateFileOpensWithoutFlywayAndTheAgentsLatestVersionIsTheNewestMigration() throws Exception {
        Path db = dir.resolve("nuevo/agente.db");
        AgentStore.open(db).close();
        var flyway = SchemaMigrations.configure()
                .dataSource("jdbc:sqlite:" + db, null, null).load();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo(SchemaMigrations.LATEST);
        assertThat(flyway.info().pending()).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(SchemaMigrations.migrateIfNeeded(c, "jdbc:sqlite:" + db, StoreDatabase.settings())).isFalse();
        }
        Path legacy = legacyCopy();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + legacy)) {
            assertThat(SchemaMigrations.migrateIfNeeded(c, "jdbc:sqlite:" + legacy, StoreDatabase.settings())).isTrue();
            assertThat(SchemaMigrations.isCurrent(c)).isTrue();
        }
    }

    @Test
    void aFileThatCannotBeMigratedIsLeftAsItWasWithTheReason() throws Exception {
        Path db = legacyCopy();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE outcome SET findings = 'PROGRESS_LATE\tMUY_GRAVE\t\tmensaje\n' WHERE status = "
                    + "'ACCEPTED_WITH_WARNINGS'");
        }
        List<String> before = query(db, "SELECT message_id || ' ' || findings FROM outcome ORDER BY 1");
        assertThatThrownBy(() -> AgentStore.open(db)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No se pudo actualizar la base de datos del agente")
                .hasMessageContaining(db.toString()).hasMessageContaining("outcome.findings de")
                .hasMessageContaining("MUY_GRAVE")
                .hasMessageContaining("El archivo quedó como estaba");
        assertThat(query(db, "SELECT message_id || ' ' || findings FROM outcome ORDER BY 1"))
                .containsExactlyElementsOf(before);
        assertThat(query(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'"))
                .containsExactly("0");
    }

    // ---------------------------------------------------------------- the same dump as LegacyFixtureWriter's

    static List<String> dump(AgentStore store, Path db) throws SQLException {
        List<String> dump = new ArrayList<>();
        for (StoredReport r : store.listing().list(null, 0)) {
            dump.add("report|" + r.sequence() + "|" + r.messageId() + "|" + r.kind() + "|" + r.operationCode() + "|"
                    + r.value().toPlainString() + "|" + r.state() + "|" + r.createdAt().toEpochMilli() + "|"
                    + (r.sentAt() == null ? "" : r.sentAt().toEpochMilli()) + "|" + findings(r.findings()));
            dump.add("payload|" + r.sequence() + "|" + store.outbox().record(r.messageId()).orElseThrow());
        }
        for (int year : List.of(2020, 2021)) {
            for (PlannedOperation o : store.planCache().planOperations(year)) {
                dump.add("plan|" + o);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT seq, warnings FROM outbox ORDER BY seq")) {
                while (rs.next()) {
                    dump.add("warnings|" + rs.getLong(1) + "|" + findings(FindingsJson.decode(rs.getString(2))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT message_id, status, findings, processed_at, received_at "
                    + "FROM outcome ORDER BY message_id")) {
                while (rs.next()) {
                    dump.add("outcome|" + rs.getString(1) + "|" + rs.getString(2) + "|"
                            + findings(FindingsJson.decode(rs.getString(3))) + "|" + rs.getLong(4) + "|"
                            + rs.getLong(5));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM spend_total ORDER BY 1, 2, 3, 4")) {
                while (rs.next()) {
                    dump.add("spend|" + rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                            + rs.getString(4) + "|" + rs.getString(5));
                }
            }
        }
        for (String key : List.of("last_contact", "last_error", "last_error_at", "plan_version_2020",
                "plan_version_2021")) {
            dump.add("status|" + key + "|" + store.statusStore().get(key).orElseThrow());
        }
        return dump;
    }

    static String findings(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + ";" + f.severity() + ";" + f.field() + ";" + f.message())
                .toList().toString();
    }

    /** Every table's columns and every index's columns, as SQLite reports them (the history table aside). */
    static Map<String, List<String>> schema(Path db) throws SQLException {
        Map<String, List<String>> schema = new TreeMap<>();
        for (String table : query(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                + "'sqlite_%' AND name <> 'flyway_schema_history'")) {
            schema.put("table " + table, query(db, "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || "
                    + "COALESCE(dflt_value, '-') || ' ' || pk FROM pragma_table_info('" + table + "')"));
            for (String index : query(db, "SELECT name || ' ' || \"unique\" || ' ' || origin FROM "
                    + "pragma_index_list('" + table + "')")) {
                String name = index.substring(0, index.indexOf(' '));
                schema.put("index " + table + " " + index,
                        query(db, "SELECT seqno || ' ' || name FROM pragma_index_info('" + name + "')"));
            }
        }
        return schema;
    }

    static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    Path legacyCopy() throws Exception {
        Path db = dir.resolve("legado/agente.db");
        Files.createDirectories(db.getParent());
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + ".db")) {
            Files.copy(in, db);
        }
        return db;
    }

    List<String> expected() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + ".expected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
