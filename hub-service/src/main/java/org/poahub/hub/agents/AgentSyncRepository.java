package org.poahub.hub.agents;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code agent_sync} (kept by the ingest route for every report it records, see {@code V3__ingest.sql}). */
@Repository
class AgentSyncRepository {

    private static final String SELECT = """
            select agent_id, region_code, last_message_id, last_reported_at, last_received_at, highest_sequence,
                highest_contiguous_sequence, missing_sequences
            from agent_sync""";

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    AgentSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every agent, or the agents of one region; by region, then agent id. */
    List<AgentSyncStatus> find(String regionCode) {
        Instant now = clock.instant();
        return regionCode == null
                ? jdbc.sql(SELECT + " order by region_code, agent_id").query((rs, n) -> status(rs, now)).list()
                : jdbc.sql(SELECT + " where region_code = ? order by agent_id").param(regionCode)
                .query((rs, n) -> status(rs, now)).list();
    }

    Optional<AgentSyncStatus> findById(String agentId) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " where agent_id = ?").param(agentId).query((rs, n) -> status(rs, now)).optional();
    }

    private static AgentSyncStatus status(ResultSet rs, Instant now) throws SQLException {
        AgentSyncStatus.LastReport last = new AgentSyncStatus.LastReport(rs.getObject("last_message_id", UUID.class),
                rs.getTimestamp("last_reported_at").toInstant(), rs.getTimestamp("last_received_at").toInstant());
        return new AgentSyncStatus(rs.getString("agent_id"), rs.getString("region_code"), last,
                rs.getLong("highest_sequence"), rs.getLong("highest_contiguous_sequence"),
                sequences(rs.getArray("missing_sequences")), AgentSyncStatus.Lag.of(last, now));
    }

    private static List<Long> sequences(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Long[]) array.getArray()).toList();
        } finally {
            array.free();
        }
    }
}
