package org.poahub.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from zonky's embedded binaries (no Docker, no installation; works as root).
 * The tests use a throw-away data directory; the local stack keeps one under {@code var/}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path binDir;
    private final boolean durable;
    private final String superuserPassword;
    private volatile boolean running = true;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, Path binDir, boolean durable,
                                   String superuserPassword) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.durable = durable;
        this.superuserPassword = superuserPassword;
    }

    /**
     * @param dataDir  the cluster's data directory; an existing cluster there is reused, not wiped
     * @param binDir   where the binaries are unpacked (kept so later starts are quicker)
     * @param port     0 for a free port
     * @param durable  synchronous commits (the local stack) or not (throw-away test data)
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path binDir, int port, boolean durable) {
        return start(dataDir, binDir, port, durable, null);
    }

    /**
     * {@link #start(Path, Path, int, boolean)} for a cluster whose superuser {@code postgres} has a password (the
     * local stack sets one and requires it in {@code pg_hba.conf}); zonky's readiness check logs in with it.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path binDir, int port, boolean durable,
                                               String superuserPassword) {
        try {
            Files.createDirectories(binDir);
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binDir.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (port != 0) {
                builder.setPort(port);
            }
            if (superuserPassword != null) {
                builder.setConnectConfig("password", superuserPassword);
            }
            return new EmbeddedPostgresServer(builder.start(), dataDir, binDir, durable, superuserPassword);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage()
                    + ". Is the port free and the directory writable, and is no other postgres using it?", e);
        }
    }

    /**
     * Starts the same server again (same data directory, port and settings) after {@link #close()}: with it a test
     * can take PostgreSQL away under a running application and bring it back with its data.
     */
    public EmbeddedPostgresServer restart() {
        if (running) {
            throw new IllegalStateException("PostgreSQL on port " + port() + " is still running");
        }
        return start(dataDir, binDir, port(), durable, superuserPassword);
    }

    public boolean isRunning() {
        return running;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return superuserPassword == null ? "" : superuserPassword;
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + Sql.identifier(name) + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + Sql.identifier(name) + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (a fast shutdown: open connections are terminated); the data directory is kept. */
    @Override
    public void close() {
        running = false;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL cleanly", e);
        }
    }
}
