package org.poahub.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of this test JVM, started once, in this order of preference:
 * <ol>
 * <li>{@code POA_TEST_JDBC_URL} (with {@code POA_TEST_JDBC_USER}, {@code POA_TEST_JDBC_PASSWORD}): a server of your own;
 *     the user must be allowed to create databases;</li>
 * <li>Testcontainers' PostgreSQL, when a Docker engine answers;</li>
 * <li>an embedded real PostgreSQL 18 (zonky binaries) on a free port with a throw-away data directory.</li>
 * </ol>
 * {@link #freshDatabase()} gives each test class its own empty database, so tests are isolated and order-independent.
 */
public final class TestPostgres {

    private static Server server;

    private TestPostgres() {
    }

    /** A new, empty database on the shared server. */
    public static synchronized TestDatabase freshDatabase() {
        Server s = server();
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = DriverManager.getConnection(s.adminUrl, s.user, s.password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + Sql.identifier(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + s.adminUrl + " as " + s.user
                    + ": " + e.getMessage() + " (with POA_TEST_JDBC_URL the user needs CREATEDB)", e);
        }
        return new TestDatabase(s.urlFor(name), s.user, s.password);
    }

    /**
     * An embedded PostgreSQL of the caller's own (not the shared one), data under {@code dir}, on a free port: for
     * tests that stop and restart it ({@link EmbeddedPostgresServer#close()}, {@link EmbeddedPostgresServer#restart()}).
     * The caller closes it.
     */
    public static EmbeddedPostgresServer ownServer(Path dir) {
        return EmbeddedPostgresServer.start(dir.resolve("data"), workDir(), 0, false);
    }

    /** Where the server runs, for messages; "embedded", "testcontainers" or "external". */
    public static synchronized String kind() {
        return server().kind;
    }

    private static Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        String url = System.getenv("POA_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server("external", url, env("POA_TEST_JDBC_USER", "postgres"), env("POA_TEST_JDBC_PASSWORD", ""));
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            return new Server("testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        Path dir = TempDirs.create("poa-test-pg-");
        EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir.resolve("data"), workDir(), 0, false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pg.close();
            TempDirs.deleteQuietly(dir);
        }, "poa-test-postgres-stop"));
        return new Server("embedded", pg.jdbcUrl("postgres"), pg.user(), pg.password());
    }

    /** Unpacked binaries are shared between runs so only the first start pays for extracting them. */
    private static Path workDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "poa-embedded-pg");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private record Server(String kind, String adminUrl, String user, String password) {
        String urlFor(String database) {
            // jdbc:postgresql://host:port/db?params -> same host and params, other database
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', Math.max(slash, 0));
            String base = slash < 0 ? adminUrl : adminUrl.substring(0, slash);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base + "/" + database + params;
        }
    }
}
