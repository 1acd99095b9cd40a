package org.poahub.agent.store;

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

    private SchemaMigrations() {
    }

    /** Applies the pending migrations to the database at {@code url}. */
    static void migrate(String url, SQLiteConfig settings) {
        SQLiteDataSource dataSource = new SQLiteDataSource(settings);
        dataSource.setUrl(url);
        try {
            configure().dataSource(dataSource).load().migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot bring the agent database " + url + " up to date: "
                    + e.getMessage(), e);
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
