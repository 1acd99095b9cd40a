package org.poahub.hub.rejected;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code rejected_report} (written by the ingest route, see {@code V3__ingest.sql}). */
@Repository
class RejectedReportRepository {

    private static final String COLUMNS = """
            id, message_id, region_code, code, field, message, route, rejected_at, topic, kafka_partition,
            kafka_offset, schema_id, detail""";

    private final JdbcClient jdbc;

    RejectedReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RejectedReportViews.Page find(RejectedReportQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.regionCode() != null) {
            where.append(" and region_code = ?");
            params.add(query.regionCode());
        }
        if (query.code() != null) {
            where.append(" and code = ?");
            params.add(query.code());
        }
        if (query.from() != null) {
            where.append(" and rejected_at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and rejected_at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = jdbc.sql("select count(*) from rejected_report" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add(query.offset());
        List<RejectedReportViews.Summary> items = jdbc.sql("select " + COLUMNS + " from rejected_report" + where
                        + " order by rejected_at desc, id desc limit ? offset ?")
                .params(pageParams).query((rs, n) -> summary(rs)).list();
        return new RejectedReportViews.Page(items, query.page(), query.size(), total);
    }

    Optional<RejectedReportViews.Detail> findById(long id) {
        return jdbc.sql("select " + COLUMNS + ", raw_payload from rejected_report where id = ?").param(id)
                .query((rs, n) -> {
                    RejectedReportViews.Summary s = summary(rs);
                    byte[] payload = rs.getBytes("raw_payload");
                    byte[] bytes = payload == null ? new byte[0] : payload;
                    return new RejectedReportViews.Detail(s.id(), s.messageId(), s.regionCode(), s.reason(),
                            s.source(), Base64.getEncoder().encodeToString(bytes), bytes.length);
                })
                .optional();
    }

    private static RejectedReportViews.Summary summary(ResultSet rs) throws SQLException {
        return new RejectedReportViews.Summary(rs.getLong("id"), rs.getObject("message_id", UUID.class),
                rs.getString("region_code"),
                new RejectedReportViews.Reason(rs.getString("code"), rs.getString("field"), rs.getString("message"),
                        rs.getString("route"), rs.getTimestamp("rejected_at").toInstant(), rs.getString("detail")),
                new RejectedReportViews.Source(rs.getString("topic"), rs.getInt("kafka_partition"),
                        rs.getLong("kafka_offset"), (Integer) rs.getObject("schema_id")));
    }
}
