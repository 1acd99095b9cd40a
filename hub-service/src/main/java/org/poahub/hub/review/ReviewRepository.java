package org.poahub.hub.review;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review tables ({@code V15__review.sql}) and what a period's completeness is read from. */
@Repository
class ReviewRepository {

    /** A region's period with a row (a period without one is ABIERTO, version 0). */
    record PeriodRow(long id, int fiscalYear, String period, LocalDate start, LocalDate end, String regionCode,
                     PeriodState state, int version, String changedBy, Instant changedAt, String lastComment) {
    }

    record Transition(String fromState, String toState, String actor, Instant actedAt, String comment) {
    }

    record SnapshotInfo(long id, String approvedBy, Instant approvedAt, int planVersion, LocalDate asOf) {
    }

    record Snapshot(SnapshotInfo info, String figuresJson) {
    }

    /**
     * A report accepted into the period after an approval.
     *
     * @param afterSnapshot the snapshot (approval) it came after
     */
    record LateReport(UUID messageId, String kind, String status, String operationCode, LocalDate reportDate,
                      BigDecimal achievedValue, BigDecimal amount, UUID correctsOrReverses, Instant receivedAt,
                      Long afterSnapshot) {
    }

    /** An agent of the region with sequence numbers missing (agent_sync). */
    record SequenceGap(String agentId, long highestSequence, int missing, List<Long> firstMissing) {
    }

    /** A report of the region and period the hub rejected. */
    record Rejection(long id, UUID messageId, String code, String field, String message, Instant rejectedAt) {
    }

    private static final String PERIOD = """
            select id, fiscal_year, period, period_start, period_end, region_code, state, version, changed_by,
                changed_at, last_comment
            from review_period""";

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PeriodRow> year(int fiscalYear) {
        return jdbc.sql(PERIOD + " where fiscal_year = ? order by period, region_code").param(fiscalYear)
                .query(ReviewRepository::period).list();
    }

    Optional<PeriodRow> find(int fiscalYear, String period, String regionCode) {
        return jdbc.sql(PERIOD + " where fiscal_year = ? and period = ? and region_code = ?")
                .params(fiscalYear, period, regionCode).query(ReviewRepository::period).optional();
    }

    /** The period's row, created ABIERTO when missing. */
    PeriodRow findOrCreate(ReviewPeriod period, String regionCode) {
        jdbc.sql("""
                insert into review_period (fiscal_year, period, period_start, period_end, region_code, state)
                values (?, ?, ?, ?, ?, 'ABIERTO')
                on conflict (fiscal_year, period, region_code) do nothing""")
                .params(period.fiscalYear(), period.key(), period.start(), period.end(), regionCode).update();
        return find(period.fiscalYear(), period.key(), regionCode).orElseThrow();
    }

    /**
     * Moves the period to {@code to} if it is still at {@code version} and in one of {@code from} (a conditional
     * update: of two transitions on the same version exactly one changes the row) and logs the transition.
     *
     * @return whether this transition won
     */
    boolean transition(PeriodRow row, int version, PeriodState to, String actor, Instant at, String comment) {
        int changed = jdbc.sql("""
                update review_period set state = ?, version = version + 1, changed_by = ?, changed_at = ?,
                    last_comment = ?
                where id = ? and version = ? and state = ?""")
                .params(to.name(), actor, Timestamp.from(at), comment, row.id(), version, row.state().name())
                .update();
        if (changed == 1) {
            jdbc.sql("""
                    insert into review_transition (period_id, from_state, to_state, actor, acted_at, comment)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(row.id(), row.state().name(), to.name(), actor, Timestamp.from(at), comment).update();
        }
        return changed == 1;
    }

    List<Transition> transitions(long periodId) {
        return jdbc.sql("""
                select from_state, to_state, actor, acted_at, comment from review_transition
                where period_id = ? order by id""").param(periodId)
                .query((rs, n) -> new Transition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    long insertSnapshot(long periodId, String approvedBy, Instant approvedAt, int planVersion, LocalDate asOf,
                        String figuresJson) {
        return jdbc.sql("""
                insert into review_snapshot (period_id, approved_by, approved_at, plan_version, as_of, figures)
                values (?, ?, ?, ?, ?, ?::jsonb) returning id""")
                .params(periodId, approvedBy, Timestamp.from(approvedAt), planVersion, asOf, figuresJson)
                .query(Long.class).single();
    }

    List<SnapshotInfo> snapshots(long periodId) {
        return jdbc.sql("""
                select id, approved_by, approved_at, plan_version, as_of from review_snapshot
                where period_id = ? order by id""").param(periodId)
                .query((rs, n) -> snapshotInfo(rs)).list();
    }

    Optional<Snapshot> latestSnapshot(long periodId) {
        return jdbc.sql("""
                select id, approved_by, approved_at, plan_version, as_of, figures::text from review_snapshot
                where period_id = ? order by id desc limit 1""").param(periodId)
                .query((rs, n) -> new Snapshot(snapshotInfo(rs), rs.getString(6))).optional();
    }

    /** Late reports of the period after snapshot {@code snapshotId} (all of them when null), in arrival order. */
    List<LateReport> lateReports(long periodId, Long snapshotId) {
        return jdbc.sql("""
                select r.message_id, r.kind, r.status, r.operation_code, coalesce(r.period_end, r.spent_on),
                    r.achieved_value, r.amount, coalesce(r.corrects_message_id, r.reverses_message_id),
                    r.received_at, l.snapshot_id
                from review_late_report l join report r using (message_id)
                where l.period_id = ? and (cast(? as bigint) is null or l.snapshot_id = ?)
                order by r.received_at, r.message_id""").params(periodId, snapshotId, snapshotId)
                .query((rs, n) -> new LateReport(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant(),
                        (Long) rs.getObject(10))).list();
    }

    List<SequenceGap> sequenceGaps(String regionCode) {
        return jdbc.sql("""
                select agent_id, highest_sequence, cardinality(missing_sequences), missing_sequences[1:20]
                from agent_sync where region_code = ? and cardinality(missing_sequences) > 0 order by agent_id""")
                .param(regionCode)
                .query((rs, n) -> new SequenceGap(rs.getString(1), rs.getLong(2), rs.getInt(3),
                        longs(rs.getArray(4)))).list();
    }

    /** Rejected reports of the region whose date (period end or day of the spend) falls in the period. */
    List<Rejection> rejections(ReviewPeriod period, String regionCode) {
        return jdbc.sql("""
                select j.id, j.message_id, j.code, j.field, j.message, j.rejected_at
                from report r join rejected_report j on j.message_id = r.message_id
                where r.region_code = ? and r.fiscal_year = ? and r.status = 'REJECTED'
                  and coalesce(r.period_end, r.spent_on) between ? and ?
                order by j.rejected_at, j.id""")
                .params(regionCode, period.fiscalYear(), period.start(), period.end())
                .query((rs, n) -> new Rejection(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    /**
     * Locks the national period (created when missing) for the rest of the transaction: approvals of one period are
     * serialised, so exactly one of them sees the last region approved.
     */
    void lockNational(ReviewPeriod period) {
        jdbc.sql("insert into review_national_period (fiscal_year, period) values (?, ?) on conflict do nothing")
                .params(period.fiscalYear(), period.key()).update();
        jdbc.sql("select approvals from review_national_period where fiscal_year = ? and period = ? for update")
                .params(period.fiscalYear(), period.key()).query(Integer.class).single();
    }

    void nationalApproved(ReviewPeriod period, String approvedBy, Instant approvedAt) {
        jdbc.sql("""
                update review_national_period set approvals = approvals + 1, approved_by = ?, approved_at = ?
                where fiscal_year = ? and period = ?""")
                .params(approvedBy, Timestamp.from(approvedAt), period.fiscalYear(), period.key()).update();
    }

    /** When the national period was last approved (every region with operations approved), if ever. */
    Optional<Instant> nationalApprovedAt(int fiscalYear, String period) {
        return jdbc.sql("""
                select approved_at from review_national_period
                where fiscal_year = ? and period = ? and approved_at is not null""")
                .params(fiscalYear, period).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    private static PeriodRow period(ResultSet rs, int n) throws SQLException {
        Timestamp changedAt = rs.getTimestamp("changed_at");
        return new PeriodRow(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("period"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getString("region_code"), PeriodState.valueOf(rs.getString("state")), rs.getInt("version"),
                rs.getString("changed_by"), changedAt == null ? null : changedAt.toInstant(),
                rs.getString("last_comment"));
    }

    private static SnapshotInfo snapshotInfo(ResultSet rs) throws SQLException {
        return new SnapshotInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                rs.getObject(5, LocalDate.class));
    }

    private static List<Long> longs(Array array) throws SQLException {
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
