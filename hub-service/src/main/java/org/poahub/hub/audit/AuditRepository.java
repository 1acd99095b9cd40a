package org.poahub.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_event} table (V13, append-only by V14). */
@Repository
class AuditRepository {

    /** One advisory lock serialises appends across connections and hub instances: one chain, no forks. */
    private static final long CHAIN_LOCK = 7_041_972_014L;
    private static final String COLUMNS = "id, occurred_at, actor, action, target, before::text, after::text,"
            + " prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Takes the chain lock until the caller's transaction ends. */
    void lockChain() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).single();
    }

    String lastHash() {
        return jdbc.sql("select hash from audit_event order by id desc limit 1").query(String.class).optional()
                .orElse(AuditChain.GENESIS);
    }

    long nextId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('audit_event', 'id'))").query(Long.class).single();
    }

    void insert(AuditChain.Row row) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor, action, target, before, after, prev_hash, hash)
                overriding system value values (?, ?, ?, ?, ?, ?::json, ?::json, ?, ?)""")
                .params(row.id(), Timestamp.from(row.occurredAt()), row.actor(), row.action(), row.target(),
                        row.before(), row.after(), row.prevHash(), row.hash())
                .update();
    }

    /** Rows matching the filter, newest first. */
    List<AuditChain.Row> find(AuditQuery query, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + where + " order by id desc limit ? offset ?")
                .params(params).query((rs, n) -> row(rs)).list();
    }

    long count(AuditQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        return jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
    }

    /** Walks every row in chain order until {@code visitor} returns false (streamed, for any size). */
    void walk(Predicate<AuditChain.Row> visitor) {
        template.query(con -> {
            var statement = con.prepareStatement("select " + COLUMNS + " from audit_event order by id");
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            boolean go = true;
            while (go && rs.next()) {
                go = visitor.test(row(rs));
            }
            return null;
        });
    }

    private static String where(AuditQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (query.actor() != null) {
            where.append(" and actor = ?");
            params.add(query.actor());
        }
        if (query.action() != null) {
            where.append(" and action = ?");
            params.add(query.action());
        }
        if (query.target() != null) {
            where.append(" and target = ?");
            params.add(query.target());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        return where.toString();
    }

    private static AuditChain.Row row(ResultSet rs) throws SQLException {
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        return new AuditChain.Row(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
