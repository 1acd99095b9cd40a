package org.poahub.agent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The agent's one SQLite connection ({@code journal_mode=WAL}, {@code synchronous=FULL}, busy timeout), used once
 * {@link SchemaMigrations} brought the file's schema up to date. Every store works through
 * {@link #read} and {@link #transaction}, which hold this object's monitor: the forwarder, the receipt listener
 * and the inputs share the connection, and a second process (a command run while the service runs) waits on
 * SQLite's busy timeout: transactions begin IMMEDIATE (with the write lock), so none fails half-way on another
 * process's write. A transaction commits only once it is on disk.
 */
public final class StoreDatabase implements AutoCloseable {

    /** Work on the connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    /** Prepared once and reused: preparing costs more than running these small statements. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private int depth;

    private StoreDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Creates or upgrades the schema of {@code file}, then opens the connection. */
    public static StoreDatabase open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            Connection connection = settings().createConnection(url);
            try {
                SchemaMigrations.migrateIfNeeded(connection, url, settings());
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            return new StoreDatabase(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file, e);
        }
    }

    static SQLiteConfig settings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        // BEGIN IMMEDIATE: a transaction takes the write lock when it begins, so one that reads before it writes (a
        // save reads the next sequence) waits on the busy timeout for another process's transaction instead of
        // failing with SQLITE_BUSY when it would upgrade its read snapshot (TwoProcessesTest, found by ChaosSoakIT)
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        return config;
    }

    /** Runs {@code work} under the store's lock, outside any explicit transaction (or inside the caller's). */
    public synchronized <T> T read(String what, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Nested calls join
     * the outer transaction.
     */
    public synchronized <T> T transaction(String what, Work<T> work) {
        if (depth > 0) {
            return read(what, work);
        }
        try {
            connection.setAutoCommit(false);
            depth++;
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e instanceof RuntimeException r ? r : new StoreException(what, (SQLException) e);
        } finally {
            depth--;
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new StoreException("cannot restore auto-commit", e);
            }
        }
    }

    /** Rolls back the current transaction (the caller decided to keep nothing) and ends it. */
    synchronized void rollback() throws SQLException {
        connection.rollback();
    }

    /** A prepared statement, cached; only for use inside {@link #read} or {@link #transaction}. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }
}
