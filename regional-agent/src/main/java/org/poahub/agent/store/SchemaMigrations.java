package org.poahub.agent.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.poahub.agent.store.migration.FindingsAsJson;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Versions the agent's SQLite schema with Flyway. {@code V1} is the schema of the release before migrations
 * existed: a new file gets it from {@code V1__unversioned_release_schema.sql}; a file written by that release
 * (tables, no history) is baselined at version 1 as it is, then both take the same later migrations, so an office
 * PC keeps every report, outcome and cached plan across an upgrade.
 */
public final class SchemaMigrations {

    static final String LOCATION = "classpath:org/poahub/agent/store/migration";
    /**
     * The newest migration's version. A file already there opens without starting Flyway, whose set-up (scanning
     * the jar, loading its plugins) would double the start-up of every command; SchemaMigrationTest checks this
     * against what Flyway finds, so a new migration without raising it fails the build.
     */
    static final String LATEST = "2";

    private SchemaMigrations() {
    }

    /**
     * Applies the pending migrations to the database at {@code url}, unless {@code connection} (open on it) shows
     * the file is already at {@link #LATEST}.
     *
     * @return whether Flyway ran
     */
    static boolean migrateIfNeeded(Connection connection, String url, SQLiteConfig settings) {
        if (isCurrent(connection)) {
            return false;
        }
        migrate(url, settings);
        return true;
    }

    static boolean isCurrent(Connection connection) {
        try (Statement s = connection.createStatement();
             ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                     + "AND name = 'flyway_schema_history'")) {
            if (!tables.next() || tables.getInt(1) == 0) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 AND "
                     + "version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() && LATEST.equals(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void migrate(String url, SQLiteConfig settings) {
        SQLiteDataSource dataSource = new SQLiteDataSource(settings);
        dataSource.setUrl(url);
        try {
            configure().dataSource(dataSource).load().migrate();
        } catch (FlywayException e) {
            // shown to the office as is: what, where, why (Flyway's own message only says that it failed), and
            // that nothing was changed
            Throwable cause = e;
            while (cause instanceof FlywayException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("No se pudo actualizar la base de datos del agente ("
                    + url.substring("jdbc:sqlite:".length()) + ") a la versión " + LATEST + ": " + e.getMessage()
                    + (cause == e ? "" : " (" + cause.getMessage() + ")")
                    + ". El archivo quedó como estaba; guarde una copia y avise al soporte técnico.", e);
        }
    }

    static org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure()
                .locations(LOCATION)
                .javaMigrations(new FindingsAsJson())
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("unversioned release schema")
                .loggers("slf4j");
    }
}
