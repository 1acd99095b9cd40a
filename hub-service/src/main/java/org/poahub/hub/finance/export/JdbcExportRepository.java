package org.poahub.hub.finance.export;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code finance_export} (V22, V24) and the accepted regional spend an export sums. */
@Repository
class JdbcExportRepository {

    private static final String COLUMNS = "id, entity_code, fiscal_year, period, version, state_sha256, file_base,"
            + " csv_sha256, xlsx_sha256, destination, requested_by, trigger, created_at, delivered_at, published_at";

    private final JdbcClient sql;

    JdbcExportRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The files of a recorded export. */
    record Files(String fileBase, byte[] csv, byte[] xlsx) {
    }

    /** One export at a time per period (across hubs): held until the caller's transaction ends. */
    void lock(int fiscalYear, String period) {
        sql.sql("select pg_advisory_xact_lock(hashtext('finance_export'), hashtext(?))")
                .param(fiscalYear + "/" + period).query((rs, n) -> 1).list();
    }

    /**
     * Accepted (not rejected) regional expenditure of the gestión spent up to {@code end}, per operation, partida
     * and funding column; reversals are negative reports and count with their sign.
     */
    List<ExecutionCalculator.Spend> spend(int fiscalYear, LocalDate end) {
        return sql.sql("select operation_code, object_code, funding_source, sum(amount) from report"
                        + " where kind = 'EXPENDITURE' and status <> 'REJECTED' and fiscal_year = ? and spent_on <= ?"
                        + " group by operation_code, object_code, funding_source"
                        + " order by operation_code, object_code, funding_source")
                .params(fiscalYear, Date.valueOf(end))
                .query((rs, n) -> new ExecutionCalculator.Spend(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4)))
                .list();
    }

    Optional<ExportRecord> findByState(int fiscalYear, String period, String stateSha256) {
        return sql.sql("select " + COLUMNS + " from finance_export where fiscal_year = ? and period = ?"
                        + " and state_sha256 = ?")
                .params(fiscalYear, period, stateSha256).query(ExportRecord.class).optional();
    }

    int nextVersion(int fiscalYear, String period) {
        return sql.sql("select coalesce(max(version), 0) + 1 from finance_export where fiscal_year = ? and period = ?")
                .params(fiscalYear, period).query(Integer.class).single();
    }

    long insert(String entityCode, int fiscalYear, String period, int version, String stateSha256, String fileBase,
            byte[] csv, String csvSha256, byte[] xlsx, String xlsxSha256, String figuresJson, String destination,
            String requestedBy, String trigger) {
        return sql.sql("insert into finance_export (entity_code, fiscal_year, period, version, state_sha256,"
                        + " file_base, csv_sha256, xlsx_sha256, figures, destination, requested_by, trigger,"
                        + " csv_content, xlsx_content) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
                        + " returning id")
                .params(entityCode, fiscalYear, period, version, stateSha256, fileBase, csvSha256, xlsxSha256,
                        figuresJson, destination, requestedBy, trigger, csv, xlsx)
                .query(Long.class).single();
    }

    Optional<ExportRecord> find(long id) {
        return sql.sql("select " + COLUMNS + " from finance_export where id = ?").param(id)
                .query(ExportRecord.class).optional();
    }

    List<ExportRecord> list(int fiscalYear) {
        return sql.sql("select " + COLUMNS + " from finance_export where fiscal_year = ? order by period, version")
                .param(fiscalYear).query(ExportRecord.class).list();
    }

    String figures(long id) {
        return sql.sql("select figures::text from finance_export where id = ?").param(id).query(String.class)
                .single();
    }

    /** Exports whose files or record have not gone out yet, oldest first. */
    List<ExportRecord> undelivered() {
        return sql.sql("select " + COLUMNS + " from finance_export where delivered_at is null or published_at is null"
                + " order by id").query(ExportRecord.class).list();
    }

    /**
     * The files of an export not delivered yet, its row locked until the caller's transaction ends (another hub
     * delivering it meanwhile skips it); empty when it is delivered or being delivered.
     */
    Optional<Files> lockUndeliveredFiles(long id) {
        return sql.sql("select file_base, csv_content, xlsx_content from finance_export where id = ?"
                        + " and delivered_at is null for update skip locked").param(id)
                .query((rs, n) -> new Files(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).optional();
    }

    void markDelivered(long id, String destination) {
        sql.sql("update finance_export set delivered_at = now(), destination = ? where id = ?")
                .params(destination, id).update();
    }

    /** Locks an export not yet published (as {@link #lockUndeliveredFiles}); true when this caller holds it. */
    boolean lockUnpublished(long id) {
        return sql.sql("select id from finance_export where id = ? and published_at is null for update skip locked")
                .param(id).query(Long.class).optional().isPresent();
    }

    void markPublished(long id) {
        sql.sql("update finance_export set published_at = now() where id = ?").param(id).update();
    }
}
