package org.poahub.hub.security.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account} table (V12). */
@Repository
class AccountRepository {

    /** An account with its stored password, for login. */
    record Credentials(Account account, String passwordHash) {
    }

    private static final String COLUMNS = "name, role, region_code, active, created_at, updated_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Account> all() {
        return jdbc.sql("select " + COLUMNS + " from account order by name").query((rs, n) -> account(rs)).list();
    }

    Optional<Account> find(String name) {
        return jdbc.sql("select " + COLUMNS + " from account where name = ?").param(name)
                .query((rs, n) -> account(rs)).optional();
    }

    /** The account locked for update (for a change in the caller's transaction). */
    Optional<Account> lock(String name) {
        return jdbc.sql("select " + COLUMNS + " from account where name = ? for update").param(name)
                .query((rs, n) -> account(rs)).optional();
    }

    Optional<Credentials> credentials(String name) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from account where name = ?").param(name)
                .query((rs, n) -> new Credentials(account(rs), rs.getString("password_hash"))).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from account)").query(Boolean.class).single();
    }

    /** Inserts; false when the name is taken. */
    boolean insert(String name, String passwordHash, String role, String region) {
        return jdbc.sql("""
                insert into account (name, password_hash, role, region_code) values (?, ?, ?, ?)
                on conflict (name) do nothing""")
                .params(name, passwordHash, role, region).update() == 1;
    }

    void update(String name, String role, String region, boolean active) {
        jdbc.sql("update account set role = ?, region_code = ?, active = ?, updated_at = now() where name = ?")
                .params(role, region, active, name).update();
    }

    void updatePassword(String name, String passwordHash) {
        jdbc.sql("update account set password_hash = ?, updated_at = now() where name = ?")
                .params(passwordHash, name).update();
    }

    boolean passwordIs(String name, String passwordHash) {
        return jdbc.sql("select password_hash = ? from account where name = ?").params(passwordHash, name)
                .query(Boolean.class).optional().orElse(false);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("name"), rs.getString("role"), rs.getString("region_code"),
                rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
