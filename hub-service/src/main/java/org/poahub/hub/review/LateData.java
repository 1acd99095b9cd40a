package org.poahub.hub.review;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ingest side of the review (docs/review.md, "Late data"): one instance per ingest batch, inside the batch's
 * transaction. {@link #lock} reads, with one query for the whole batch, the reviewed periods its reports fall in and
 * locks them ({@code FOR NO KEY UPDATE}, in id order) until the batch commits, so an approval running meanwhile
 * either waits for the batch (and its snapshot includes the batch's reports) or commits first (and the batch sees
 * the period approved). {@link #flush} writes, before the commit, the late reports (one statement) and moves the
 * periods they reached from {@code APROBADO} to {@code PENDIENTE_REAPROBACION} (one statement).
 */
public final class LateData {

    /** A region's day a report is filed under. */
    public record RegionDay(String regionCode, LocalDate day) {
    }

    /** A period the batch moved from APROBADO to PENDIENTE_REAPROBACION. */
    public record Reopened(long periodId, int fiscalYear, String period, String regionCode) {

        public String target() {
            return regionCode + "/" + period;
        }
    }

    private record Locked(long id, int fiscalYear, String period, String regionCode, LocalDate start, LocalDate end,
                          PeriodState state) {
    }

    /** Who the transitions made by ingest are recorded as. */
    public static final String ACTOR = "system";

    private final JdbcTemplate jdbc;
    private final Set<RegionDay> looked = new HashSet<>();
    private final Map<String, List<Locked>> byRegion = new HashMap<>();
    private final Map<UUID, Long> late = new HashMap<>();

    public LateData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads and locks the reviewed periods these days fall in (days already looked up are skipped). */
    public void lock(Collection<RegionDay> days) {
        Set<RegionDay> wanted = new LinkedHashSet<>();
        for (RegionDay d : days) {
            if (d.regionCode() != null && d.day() != null && !looked.contains(d)) {
                wanted.add(d);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        looked.addAll(wanted);
        String[] regions = wanted.stream().map(RegionDay::regionCode).toArray(String[]::new);
        Date[] dates = wanted.stream().map(d -> Date.valueOf(d.day())).toArray(Date[]::new);
        List<Locked> found = jdbc.execute((ConnectionCallback<List<Locked>>) connection -> {
            Array regionArray = connection.createArrayOf("text", regions);
            Array dateArray = connection.createArrayOf("date", dates);
            try {
                return jdbc.query("""
                        select p.id, p.fiscal_year, p.period, p.region_code, p.period_start, p.period_end, p.state
                        from review_period p
                        where exists (select 1 from unnest(?::text[], ?::date[]) as t(region_code, day)
                                      where t.region_code = p.region_code
                                        and t.day between p.period_start and p.period_end)
                        order by p.id
                        for no key update of p""",
                        (rs, n) -> new Locked(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                                PeriodState.valueOf(rs.getString(7))), regionArray, dateArray);
            } finally {
                regionArray.free();
                dateArray.free();
            }
        });
        for (Locked p : found) {
            List<Locked> periods = byRegion.computeIfAbsent(p.regionCode(), r -> new ArrayList<>());
            if (periods.stream().noneMatch(q -> q.id() == p.id())) {
                periods.add(p);
            }
        }
    }

    /** The approved (or already reopened) period of the region this day falls in: a report there is late data. */
    public Optional<String> approvedPeriod(String regionCode, LocalDate day) {
        return approved(regionCode, day).map(Locked::period);
    }

    private Optional<Locked> approved(String regionCode, LocalDate day) {
        if (regionCode == null || day == null) {
            return Optional.empty();
        }
        lock(List.of(new RegionDay(regionCode, day)));
        return byRegion.getOrDefault(regionCode, List.of()).stream()
                .filter(p -> p.state() == PeriodState.APROBADO || p.state() == PeriodState.PENDIENTE_REAPROBACION)
                .filter(p -> !day.isBefore(p.start()) && !day.isAfter(p.end()))
                .findFirst();
    }

    /** An accepted report: if it reaches an approved period it is kept as late data of that period. */
    public void accepted(UUID messageId, String regionCode, LocalDate day) {
        approved(regionCode, day).ifPresent(p -> late.put(messageId, p.id()));
    }

    /**
     * Writes the batch's late reports (after its report rows) and reopens the approved periods they reached;
     * returns the periods reopened, for the audit trail.
     */
    public List<Reopened> flush() {
        if (late.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = late.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()}).toList();
        jdbc.batchUpdate("""
                insert into review_late_report (period_id, message_id, snapshot_id)
                values (?, ?, (select max(s.id) from review_snapshot s where s.period_id = ?))
                on conflict do nothing""", rows);
        Long[] periods = late.values().stream().distinct().sorted().toArray(Long[]::new);
        List<Reopened> reopened = jdbc.execute((ConnectionCallback<List<Reopened>>) connection -> reopen(connection,
                periods));
        late.clear();
        return reopened;
    }

    private List<Reopened> reopen(Connection connection, Long[] periods) throws java.sql.SQLException {
        Array ids = connection.createArrayOf("bigint", periods);
        try {
            return jdbc.query("""
                    with reopened as (
                        update review_period
                        set state = 'PENDIENTE_REAPROBACION', version = version + 1, changed_by = ?,
                            changed_at = now(), last_comment = 'Datos tardíos después de la aprobación'
                        where id = any(?) and state = 'APROBADO'
                        returning id, fiscal_year, period, region_code),
                    logged as (
                        insert into review_transition (period_id, from_state, to_state, actor, comment)
                        select id, 'APROBADO', 'PENDIENTE_REAPROBACION', ?, 'Datos tardíos después de la aprobación'
                        from reopened)
                    select id, fiscal_year, period, region_code from reopened order by id""",
                    (rs, n) -> new Reopened(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                    ACTOR, ids, ACTOR);
        } finally {
            ids.free();
        }
    }
}
