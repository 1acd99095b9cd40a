package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poahub.hub.finance.reconciliation.LineKeys.RegionalSpend;
import org.poahub.hub.finance.reconciliation.LineKeys.SigepLine;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.SigepVoucher;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reconciliation's SQL (V19–V21, V23): what feeds the rule beans (the extracts in force, their lines and
 * vouchers, the regions' accepted expenditure up to the cut-off) and the stored runs with their lines and findings.
 */
@Repository
class JdbcReconciliationRepository {

    /** Accepted regional expenditure of a gestión up to a cut-off date; {@code ?} = fiscal year, cut-off. */
    private static final String ACCEPTED_EXPENDITURE = "from report where kind = 'EXPENDITURE' and status <> 'REJECTED'"
            + " and fiscal_year = ? and spent_on <= ?";

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    JdbcReconciliationRepository(JdbcClient sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** An extract in force. */
    record ExtractRef(long id, String kind, LocalDate cutOff, int version, Instant loadedAt) {
    }

    /** How many accepted regional expenditure reports a period has, and the newest one's arrival. */
    record ReportsSeen(int count, Instant newest) {

        /** Of a period's reports as {@link #claims} reads them, all of them. */
        static ReportsSeen of(List<RegionalClaim> claims) {
            RegionalClaim newest = null;
            for (RegionalClaim c : claims) {
                if (newest == null || c.compareArrival(newest) > 0) {
                    newest = c;
                }
            }
            return new ReportsSeen(claims.size(), newest == null ? null : newest.receivedAt());
        }
    }

    /** A stored run (without its lines). */
    record Run(long id, int fiscalYear, LocalDate cutOff, Long executionExtractId, Long voucherExtractId,
            Long mappingId, BigDecimal tolerance, Instant reportsAsOf, Integer reportsCounted, Instant computedAt,
            String trigger) {
    }

    /** A stored line; {@code operations} are the plan's operations behind it. */
    record Line(String category, String operationCode, List<String> operations, String partida,
            String fundingColumn, String regionCode, String programa, String proyecto, String actividad,
            String fuente, String organismo, BigDecimal sigepDevengado, BigDecimal regionalSpent,
            BigDecimal difference, BigDecimal differencePercent, String status) {
    }

    /** A stored voucher finding. */
    record Finding(int findingNo, String finding, String number, String regionCode, UUID messageId,
            BigDecimal sigepAmount, BigDecimal regionalAmount, LocalDate sigepDate, LocalDate regionalDate,
            String detail) {

        /** The {@code findingNo}-th finding of a run, as the matcher made it. */
        static Finding of(int findingNo, VoucherReconciler.Result r) {
            return new Finding(findingNo, r.finding().name(), r.number(), r.region(), r.messageId(), r.sigepAmount(),
                    r.regionalAmount(), r.sigepDate(), r.regionalDate(), r.detail());
        }
    }

    /** A DIFERENCIA line of an execution extract: a program's stated total minus the sum of its lines. */
    record Adjustment(int sourceRow, String da, String ue, String programa, BigDecimal devengado) {
    }

    /** The gestiones that have extracts loaded. */
    List<Integer> yearsWithExtracts() {
        return sql.sql("select distinct fiscal_year from finance_extract order by 1").query(Integer.class).list();
    }

    /** The newest non-superseded extract of each kind at the gestión's latest cut-off date. */
    List<ExtractRef> extractsInForce(int fiscalYear) {
        return sql.sql("select id, kind, cut_off, version, loaded_at from finance_extract where fiscal_year = ?"
                        + " and superseded_at is null and cut_off = (select max(cut_off) from finance_extract"
                        + " where fiscal_year = ?) order by kind")
                .params(fiscalYear, fiscalYear).query(ExtractRef.class).list();
    }

    /** The EJECUCION extract in force (not superseded) for a gestión and exactly that cut-off date. */
    Optional<ExtractRef> executionExtractAt(int fiscalYear, LocalDate cutOff) {
        return sql.sql("select id, kind, cut_off, version, loaded_at from finance_extract where fiscal_year = ?"
                        + " and kind = 'EJECUCION' and cut_off = ? and superseded_at is null order by id desc limit 1")
                .params(fiscalYear, Date.valueOf(cutOff)).query(ExtractRef.class).optional();
    }

    Optional<ExtractRef> extract(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return sql.sql("select id, kind, cut_off, version, loaded_at from finance_extract where id = ?").param(id)
                .query(ExtractRef.class).optional();
    }

    List<SigepLine> sigepLines(long extractId) {
        return sql.sql("select da, ue, programa, proyecto, actividad, fuente, organismo, partida, devengado"
                        + " from finance_execution_line where extract_id = ? and line_kind = 'LINEA' order by line_no")
                .param(extractId).query(SigepLine.class).list();
    }

    List<Adjustment> adjustments(long extractId) {
        return sql.sql("select source_row, da, ue, programa, devengado from finance_execution_line"
                        + " where extract_id = ? and line_kind = 'DIFERENCIA' order by line_no")
                .param(extractId).query(Adjustment.class).list();
    }

    /** SIGEP's vouchers that are not reversals, each with the sum of its reversals (≤ 0); region "" for now. */
    List<SigepVoucher> vouchers(long extractId, LineKeys keys) {
        // the reversals summed once and hash-joined, not summed by a subquery per voucher (100,000 index probes)
        return sql.sql("select v.line_no, v.number, v.voucher_date, v.amount, coalesce(r.reversed, 0), v.da, v.ue"
                        + " from finance_voucher v left join (select reverses_number, sum(amount) as reversed"
                        + " from finance_voucher where extract_id = ? and reverses_number is not null"
                        + " group by reverses_number) r on r.reverses_number = v.number"
                        + " where v.extract_id = ? and v.reverses_number is null order by v.line_no")
                .params(extractId, extractId)
                .query((rs, n) -> new SigepVoucher(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), keys.regionOf(rs.getString(6), rs.getString(7))))
                .list();
    }

    List<RegionalSpend> regionalSpend(int fiscalYear, LocalDate cutOff) {
        return sql.sql("select operation_code as operation, object_code as partida, funding_source as funding_column,"
                        + " region_code as region, sum(amount) as amount "
                        + ACCEPTED_EXPENDITURE + " group by operation_code, object_code, funding_source, region_code")
                .params(fiscalYear, Date.valueOf(cutOff)).query(RegionalSpend.class).list();
    }

    /**
     * Every accepted regional expenditure report up to the cut-off, as a claim, in no particular order. Those that
     * name no voucher are among them (the matcher skips them) so that one scan also gives the run's
     * {@link ReportsSeen}; and the matcher sorts them, by voucher and arrival, in one go (a sort here cost a third of
     * the query). A year has hundreds of thousands: the rows are streamed (a cursor, 10,000 at a time).
     */
    List<RegionalClaim> claims(int fiscalYear, LocalDate cutOff) {
        return jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("select " + ClaimRowMapper.columns(null) + " "
                    + ACCEPTED_EXPENDITURE);
            ps.setInt(1, fiscalYear);
            ps.setObject(2, cutOff);
            ps.setFetchSize(10_000);
            // Results in binary (ids and dates as bytes rather than text to parse): a statement run once is otherwise
            // never prepared on the server, and only prepared ones get binary results.
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            return ps;
        }, new ClaimRowMapper(1));
    }

    ReportsSeen reportsSeen(int fiscalYear, LocalDate cutOff) {
        return sql.sql("select count(*)::int, max(received_at) " + ACCEPTED_EXPENDITURE)
                .params(fiscalYear, Date.valueOf(cutOff))
                .query((rs, n) -> new ReportsSeen(rs.getInt(1), instant(rs, 2))).single();
    }

    /** One reconciliation at a time per gestión (two hubs, or an extract and a late report at once). */
    void lock(int fiscalYear) {
        sql.sql("select pg_advisory_xact_lock(hashtext('finance_reconciliation'), ?)").param(fiscalYear)
                .query((rs, n) -> 1).list();
    }

    long insertRun(int fiscalYear, LocalDate cutOff, Long executionExtractId, Long voucherExtractId, long mappingId,
            BigDecimal tolerance, ReportsSeen seen, String trigger) {
        return sql.sql("insert into finance_reconciliation_run (fiscal_year, cut_off, execution_extract_id,"
                        + " voucher_extract_id, mapping_id, tolerance, reports_as_of, reports_counted, trigger)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(fiscalYear, Date.valueOf(cutOff), executionExtractId, voucherExtractId, mappingId, tolerance,
                        seen.newest() == null ? null : Timestamp.from(seen.newest()), seen.count(), trigger)
                .query(Long.class).single();
    }

    void insertLines(long runId, List<Line> lines) {
        jdbc.batchUpdate("insert into finance_reconciliation_line (run_id, category, operation_code, operations,"
                + " partida, funding_column, region_code, programa, proyecto, actividad, fuente, organismo,"
                + " sigep_devengado, regional_spent, difference, difference_percent, status)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 1000,
                (PreparedStatement ps, Line l) -> {
                    Array operations = ps.getConnection().createArrayOf("text", l.operations().toArray());
                    int i = 1;
                    ps.setLong(i++, runId);
                    ps.setString(i++, l.category());
                    ps.setString(i++, l.operationCode());
                    ps.setArray(i++, operations);
                    for (String text : java.util.Arrays.asList(l.partida(), l.fundingColumn(), l.regionCode(),
                            l.programa(), l.proyecto(), l.actividad(), l.fuente(), l.organismo())) {
                        ps.setString(i++, text);
                    }
                    ps.setBigDecimal(i++, l.sigepDevengado());
                    ps.setBigDecimal(i++, l.regionalSpent());
                    ps.setBigDecimal(i++, l.difference());
                    ps.setBigDecimal(i++, l.differencePercent());
                    ps.setString(i, l.status());
                });
    }

    /** By binary COPY on the transaction's connection (a run can have hundreds of thousands of findings). */
    void insertFindings(long runId, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        copy(new FindingCopyMapping(runId), findings);
    }

    /**
     * The run's SOLO_EN_REGIONALES findings as their claims' report ids (V27), in one row: each is read back from its
     * report ({@link #findings}). {@code findingNos} and {@code messageIds} are parallel. By binary COPY, as the
     * findings.
     */
    void insertUnmatchedClaims(long runId, KeyArray findingNos, KeyArray messageIds) {
        if (findingNos.isEmpty()) {
            return;
        }
        copy(new UnmatchedClaimsCopyMapping(), List.of(new UnmatchedClaimsCopyMapping.Row(runId, findingNos,
                messageIds)));
    }

    /**
     * The run's {@link VoucherReconciler#reconciledAlone} findings as their claims' report ids and their vouchers'
     * listing lines (V28), in one row: each is read back from the two ({@link #findings}). The arrays are parallel.
     */
    void insertReconciledVouchers(long runId, KeyArray findingNos, KeyArray messageIds, KeyArray voucherLines) {
        if (findingNos.isEmpty()) {
            return;
        }
        copy(new ReconciledVouchersCopyMapping(), List.of(new ReconciledVouchersCopyMapping.Row(runId, findingNos,
                messageIds, voucherLines)));
    }

    /** Binary COPY on the transaction's connection. */
    private <T> void copy(AbstractMapping<T> mapping, List<T> rows) {
        PgBulkInsert<T> copy = new PgBulkInsert<>(mapping);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            copy.saveAll(connection.unwrap(PGConnection.class), rows);
            return null;
        });
    }

    private static final String RUN_COLUMNS = "id, fiscal_year, cut_off, execution_extract_id, voucher_extract_id,"
            + " mapping_id, tolerance, reports_as_of, reports_counted, computed_at, trigger";

    /** The newest run of a gestión (of its latest cut-off: runs only ever move forward). */
    Optional<Run> latestRun(int fiscalYear) {
        return sql.sql("select " + RUN_COLUMNS + " from finance_reconciliation_run where fiscal_year = ?"
                        + " order by id desc limit 1")
                .param(fiscalYear).query(Run.class).optional();
    }

    Optional<Run> run(long id) {
        return sql.sql("select " + RUN_COLUMNS + " from finance_reconciliation_run where id = ?").param(id)
                .query(Run.class).optional();
    }

    /** A run's lines, filtered ({@code null} = any); {@code operation} matches a line's operation or its list. */
    List<Line> lines(long runId, String region, String status, String operation, String partida) {
        List<Object> params = new ArrayList<>(List.of(runId));
        StringBuilder where = new StringBuilder(" where run_id = ?");
        if (region != null) {
            where.append(" and region_code = ?");
            params.add(region);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status);
        }
        if (operation != null) {
            where.append(" and (operation_code = ? or ? = any(operations))");
            params.add(operation);
            params.add(operation);
        }
        if (partida != null) {
            where.append(" and partida = ?");
            params.add(partida);
        }
        return sql.sql("select category, operation_code, operations, partida, funding_column, region_code, programa,"
                        + " proyecto, actividad, fuente, organismo, sigep_devengado, regional_spent, difference,"
                        + " difference_percent, status from finance_reconciliation_line" + where
                        + " order by category, operation_code, partida, funding_column, region_code")
                .params(params).query(JdbcReconciliationRepository::line).list();
    }

    /**
     * A run's findings in their order ({@code finding_no}), filtered ({@code null} = any): the stored rows merged with
     * the unmatched claims (V27), each read back from its report as {@link VoucherReconciler#onlyInRegions} made it,
     * and the reconciled vouchers (V28), each read back from its listing line and its report as
     * {@link VoucherReconciler#reconciledAlone} made it.
     */
    List<Finding> findings(long runId, String region, String finding) {
        String onlyInRegions = VoucherReconciler.Finding.SOLO_EN_REGIONALES.name();
        String reconciled = VoucherReconciler.Finding.CONCILIADO.name();
        List<Finding> all = new ArrayList<>();
        if (!onlyInRegions.equals(finding)) {
            all.addAll(storedFindings(runId, region, finding));
        }
        if (finding == null || onlyInRegions.equals(finding)) {
            all.addAll(unmatchedClaims(runId, region));
        }
        if (finding == null || reconciled.equals(finding)) {
            all.addAll(reconciledVouchers(runId, region));
        }
        all.sort(Comparator.comparingInt(Finding::findingNo)); // sorted runs: merges
        return all;
    }

    private List<Finding> storedFindings(long runId, String region, String finding) {
        List<Object> params = new ArrayList<>(List.of(runId));
        StringBuilder where = new StringBuilder(" where run_id = ?");
        if (region != null) {
            where.append(" and region_code = ?");
            params.add(region);
        }
        if (finding != null) {
            where.append(" and finding = ?");
            params.add(finding);
        }
        return sql.sql("select finding_no, finding, number, region_code, message_id, sigep_amount, regional_amount,"
                        + " sigep_date, regional_date, detail from finance_voucher_finding" + where
                        + " order by finding_no")
                .params(params).query(Finding.class).list();
    }

    /** The condition on the joined report {@code r} for one region ({@code null}: any), its value added to params. */
    private static String reportInRegion(String region, List<Object> params) {
        if (region == null) {
            return "";
        }
        params.add(region);
        return " and r.region_code = ?";
    }

    private List<Finding> unmatchedClaims(long runId, String region) {
        List<Object> params = new ArrayList<>(List.of(runId));
        String inRegion = reportInRegion(region, params);
        ClaimRowMapper claims = new ClaimRowMapper(2);
        return sql.sql("select u.finding_no, " + ClaimRowMapper.columns("r")
                        + " from finance_unmatched_claims c"
                        + " cross join unnest(c.finding_nos, c.message_ids) as u(finding_no, message_id)"
                        + " join report r on r.message_id = u.message_id"
                        + " where c.run_id = ?" + inRegion + " order by u.finding_no")
                .params(params)
                .query((rs, n) -> Finding.of(rs.getInt(1), VoucherReconciler.onlyInRegions(claims.mapRow(rs, n))))
                .list();
    }

    private List<Finding> reconciledVouchers(long runId, String region) {
        List<Object> params = new ArrayList<>(List.of(runId));
        String inRegion = reportInRegion(region, params);
        ClaimRowMapper claims = new ClaimRowMapper(6);
        return sql.sql("select u.finding_no, v.line_no, v.number, v.voucher_date, v.amount, "
                        + ClaimRowMapper.columns("r")
                        + " from finance_reconciled_vouchers c"
                        + " join finance_reconciliation_run run on run.id = c.run_id"
                        + " cross join unnest(c.finding_nos, c.message_ids, c.voucher_lines)"
                        + " as u(finding_no, message_id, line_no)"
                        + " join finance_voucher v on v.extract_id = run.voucher_extract_id and v.line_no = u.line_no"
                        + " join report r on r.message_id = u.message_id"
                        + " where c.run_id = ?" + inRegion + " order by u.finding_no")
                .params(params)
                .query((rs, n) -> {
                    // no reversal: only such vouchers are kept this way
                    SigepVoucher voucher = new SigepVoucher(rs.getInt(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), BigDecimal.ZERO, null);
                    return Finding.of(rs.getInt(1), VoucherReconciler.reconciledAlone(voucher,
                            claims.mapRow(rs, n)));
                }).list();
    }

    /** Open (not CONCILIADO) lines of the newest run of a gestión, counted per status. */
    record OpenCount(int fiscalYear, String status, long count, BigDecimal amount) {
    }

    /** The newest run of every gestión. */
    private static final String NEWEST_RUNS = "(select distinct on (fiscal_year) id, fiscal_year"
            + " from finance_reconciliation_run order by fiscal_year, id desc) r";

    /** Per gestión and line status (not CONCILIADO): how many lines and the sum of |SIGEP − regions|. */
    List<OpenCount> openLines() {
        return sql.sql("select r.fiscal_year, l.status, count(*) as count,"
                        + " coalesce(sum(abs(l.difference)), 0) as amount"
                        + " from " + NEWEST_RUNS + " join finance_reconciliation_line l on l.run_id = r.id"
                        + " where l.status <> 'CONCILIADO' group by r.fiscal_year, l.status")
                .query(OpenCount.class).list();
    }

    /** Per gestión and voucher finding (not CONCILIADO): how many (the unmatched claims counted from V27's arrays). */
    List<OpenVouchers> openFindings() {
        return sql.sql("select r.fiscal_year, f.finding, count(*) as count"
                        + " from " + NEWEST_RUNS + " join finance_voucher_finding f on f.run_id = r.id"
                        + " where f.finding <> 'CONCILIADO' group by r.fiscal_year, f.finding"
                        + " union all select r.fiscal_year, 'SOLO_EN_REGIONALES', cardinality(c.message_ids)"
                        + " from " + NEWEST_RUNS + " join finance_unmatched_claims c on c.run_id = r.id")
                .query(OpenVouchers.class).list();
    }

    /** Voucher findings of one kind in the newest run of a gestión. */
    record OpenVouchers(int fiscalYear, String finding, long count) {
    }

    /** The gestiones that have a run. */
    List<Integer> yearsWithRuns() {
        return sql.sql("select distinct fiscal_year from finance_reconciliation_run order by 1").query(Integer.class)
                .list();
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray(3);
        List<String> operations = array == null ? List.of() : List.of((String[]) array.getArray());
        return new Line(rs.getString(1), rs.getString(2), operations, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                rs.getBigDecimal(15), rs.getString(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
