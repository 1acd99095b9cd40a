package org.poahub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.poahub.testkit.EmbeddedPostgresServer;

/**
 * The local stack's PostgreSQL as a deployment would have it: the superuser {@code postgres} has a generated password,
 * every login needs a password (scram-sha-256 in {@code pg_hba.conf}), the server listens on 127.0.0.1 only, and the
 * hub connects as {@value #OWNER}, a non-superuser role that owns the {@code poa} database and everything in it.
 * Applied at every start, so a data directory of an older run is brought to the same state.
 */
final class LocalDatabase {

    static final String DATABASE = "poa";
    static final String OWNER = "poa_hub";

    private static final String HBA = """
            # Written by the poa-hub local stack at every start: every login needs a password (scram-sha-256).
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private LocalDatabase() {
    }

    static EmbeddedPostgresServer start(Path var, int port, LocalCredentials credentials) {
        String superuserPassword = credentials.secret("postgres.postgres");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(var.resolve("postgres/data"),
                var.resolve("postgres/bin"), port, true, superuserPassword);
        try {
            harden(postgres, superuserPassword, credentials.secret("postgres." + OWNER));
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Cannot set up the roles of the local PostgreSQL: " + e.getMessage(), e);
        }
        return postgres;
    }

    static String ownerPassword(LocalCredentials credentials) {
        return credentials.secret("postgres." + OWNER);
    }

    private static void harden(EmbeddedPostgresServer postgres, String superuserPassword, String ownerPassword)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", superuserPassword);
             Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD " + literal(superuserPassword));
            boolean ownerExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "'")) {
                ownerExists = rs.next();
            }
            s.execute((ownerExists ? "ALTER" : "CREATE") + " ROLE " + OWNER
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(ownerPassword));
            boolean databaseExists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                databaseExists = rs.next();
            }
            s.execute(databaseExists ? "ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER
                    : "CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            Path hba = Path.of(single(s, "SHOW hba_file"));
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
            }
            s.execute("SELECT pg_reload_conf()");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf: " + e.getMessage(), e);
        }
        // A database of an earlier run was filled by the superuser: hand its objects to the owner.
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), "postgres", superuserPassword);
             Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            List<String> statements = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, '%s')
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                       AND pg_get_userbyid(c.relowner) = 'postgres'
                    UNION ALL
                    SELECT format('ALTER FUNCTION public.%I(%s) OWNER TO %I', p.proname,
                                  pg_get_function_identity_arguments(p.oid), '%s')
                      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres'
                    """.formatted(OWNER, OWNER))) {
                while (rs.next()) {
                    statements.add(rs.getString(1));
                }
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A generated password (URL-safe Base64: no quote) as an SQL string literal. */
    private static String literal(String password) {
        if (password.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("unexpected quote in a generated password");
        }
        return "'" + password + "'";
    }
}
