package org.poahub.hub.review;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.poahub.hub.reports.ReviewTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quarterly report's justifications and signature block, read from the review of periods: the observations made
 * on the quarter's periods justify its deviations; <em>Elaborado</em> is who last presented a period of the quarter,
 * <em>Revisado</em> the analyst who last approved one, <em>Aprobado</em> whoever completed the national approval of
 * the quarter's last period once every period of the quarter is approved nationally.
 */
@Repository
class JdbcReviewTrail implements ReviewTrail {

    private static final ZoneId LA_PAZ = ZoneId.of("America/La_Paz");

    private final JdbcClient jdbc;
    private final ReviewProperties properties;

    JdbcReviewTrail(JdbcClient jdbc, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public List<Observation> observations(int fiscalYear, int quarter) {
        return jdbc.sql("""
                        select p.region_code, p.period_end, t.actor, t.comment
                        from review_transition t join review_period p on p.id = t.period_id
                        where p.fiscal_year = ? and t.to_state = 'OBSERVADO' and p.period_end between ? and ?
                        order by t.acted_at, t.id""")
                .params(fiscalYear, start(fiscalYear, quarter), end(fiscalYear, quarter))
                .query((rs, n) -> new Observation(rs.getString(1), null, rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    @Override
    public Signatures signatures(int fiscalYear, int quarter) {
        return new Signatures(lastTransitionTo("PRESENTADO", fiscalYear, quarter),
                lastTransitionTo("APROBADO", fiscalYear, quarter), nationalApproval(fiscalYear, quarter));
    }

    private Signature lastTransitionTo(String state, int fiscalYear, int quarter) {
        return jdbc.sql("""
                        select t.actor, t.acted_at
                        from review_transition t join review_period p on p.id = t.period_id
                        where p.fiscal_year = ? and t.to_state = ? and p.period_end between ? and ?
                        order by t.acted_at desc, t.id desc limit 1""")
                .params(fiscalYear, state, start(fiscalYear, quarter), end(fiscalYear, quarter))
                .query((rs, n) -> new Signature(rs.getString(1), day(rs.getTimestamp(2))))
                .optional().orElse(Signature.NONE);
    }

    private Signature nationalApproval(int fiscalYear, int quarter) {
        List<String> keys = properties.granularity().periods(fiscalYear).stream()
                .filter(p -> !p.end().isBefore(start(fiscalYear, quarter)) && !p.end().isAfter(end(fiscalYear, quarter)))
                .map(ReviewPeriod::key).toList();
        Map<String, Signature> approved = jdbc.sql("""
                        select period, approved_by, approved_at from review_national_period
                        where fiscal_year = ? and approved_at is not null""")
                .param(fiscalYear)
                .query((rs, n) -> Map.entry(rs.getString(1), new Signature(rs.getString(2), day(rs.getTimestamp(3)))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (keys.isEmpty() || !approved.keySet().containsAll(keys)) {
            return Signature.NONE;
        }
        return approved.get(keys.get(keys.size() - 1));
    }

    private static LocalDate start(int fiscalYear, int quarter) {
        return LocalDate.of(fiscalYear, (quarter - 1) * 3 + 1, 1);
    }

    private static LocalDate end(int fiscalYear, int quarter) {
        return start(fiscalYear, quarter).plusMonths(3).minusDays(1);
    }

    private static LocalDate day(Timestamp at) {
        return at == null ? null : at.toInstant().atZone(LA_PAZ).toLocalDate();
    }
}
