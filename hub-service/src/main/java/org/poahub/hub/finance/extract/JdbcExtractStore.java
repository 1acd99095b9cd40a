package org.poahub.hub.finance.extract;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.audit.StaffAction;
import org.poahub.routes.finance.Extract;
import org.poahub.routes.finance.Extract.ExecutionLine;
import org.poahub.routes.finance.Extract.Voucher;
import org.poahub.routes.finance.ExtractKind;
import org.poahub.routes.finance.ExtractStore;
import org.poahub.routes.finance.StoredExtract;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loaded extracts in PostgreSQL (V19, V20). {@code finance_extract.checksum_sha256} is unique: it is the route's
 * idempotent repository, written in the same transaction as the lines, so a crash between "loaded" and "remembered"
 * cannot happen. A load supersedes the extract in force for its kind and period and keeps it.
 */
@Repository
public class JdbcExtractStore implements ExtractStore {

    private static final String COLUMNS = "id, kind, fiscal_year, cut_off, version, source, loaded_at, line_count,"
            + " (select p.id from finance_extract p where p.superseded_by = e.id) as superseded";

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    JdbcExtractStore(JdbcClient sql, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<StoredExtract> findByChecksum(String sha256) {
        return sql.sql("select " + COLUMNS + " from finance_extract e where checksum_sha256 = ?").param(sha256)
                .query(StoredExtract.class).optional();
    }

    public Optional<StoredExtract> find(long id) {
        return sql.sql("select " + COLUMNS + " from finance_extract e where id = ?").param(id)
                .query(StoredExtract.class).optional();
    }

    /** Every load of a gestión, newest first, superseded ones included. */
    public List<StoredExtract> loads(int fiscalYear) {
        return sql.sql("select " + COLUMNS + " from finance_extract e where fiscal_year = ? order by id desc")
                .param(fiscalYear).query(StoredExtract.class).list();
    }

    @Override
    @Transactional
    public StoredExtract save(Extract extract, String sha256, String source, String loadedBy) {
        // one load per kind and period at a time (two hubs may read two copies of an inbox)
        sql.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("finance_extract/" + extract.kind() + "/" + extract.cutOff()).query((rs, n) -> 1).list();
        Optional<Long> current = sql.sql("select id from finance_extract where kind = ? and fiscal_year = ? and"
                        + " cut_off = ? and superseded_at is null")
                .params(extract.kind().name(), extract.fiscalYear(), Date.valueOf(extract.cutOff()))
                .query(Long.class).optional();
        current.ifPresent(id -> sql.sql("update finance_extract set superseded_at = now() where id = ?").param(id)
                .update());
        int version = sql.sql("select coalesce(max(version), 0) + 1 from finance_extract where kind = ? and"
                        + " fiscal_year = ? and cut_off = ?")
                .params(extract.kind().name(), extract.fiscalYear(), Date.valueOf(extract.cutOff()))
                .query(Integer.class).single();
        long id;
        try {
            id = sql.sql("insert into finance_extract (kind, fiscal_year, cut_off, version, checksum_sha256, source,"
                            + " loaded_by, line_count) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                    .params(extract.kind().name(), extract.fiscalYear(), Date.valueOf(extract.cutOff()), version,
                            sha256, source, loadedBy, extract.lineCount())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new DuplicateContentException(sha256, e);
        }
        current.ifPresent(old -> sql.sql("update finance_extract set superseded_by = ? where id = ?")
                .params(id, old).update());
        if (extract instanceof Extract.Execution execution) {
            insertLines(id, execution.lines());
        } else if (extract instanceof Extract.Vouchers vouchers) {
            insertVouchers(id, vouchers.vouchers());
        }
        StoredExtract stored = find(id).orElseThrow();
        events.publishEvent(new StaffAction(loadedBy, "FINANCE_EXTRACT_LOADED", extract.kind() + "/"
                + extract.fiscalYear() + "/" + extract.cutOff(),
                current.<Map<String, Object>>map(old -> Map.of("extractId", old)).orElse(Map.of()),
                Map.of("extractId", id, "version", version, "sha256", sha256, "source", source,
                        "lines", extract.lineCount())));
        events.publishEvent(new ExtractLoaded(stored));
        return stored;
    }

    private void insertLines(long id, List<ExecutionLine> lines) {
        int[] lineNo = {0};
        jdbc.batchUpdate("insert into finance_execution_line (extract_id, line_no, source_row, line_kind, da, ue,"
                + " programa, proyecto, actividad, fuente, organismo, partida, vigente, preventivo, comprometido,"
                + " devengado, pagado) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 1000,
                (PreparedStatement ps, ExecutionLine l) -> {
                    int i = 1;
                    ps.setLong(i++, id);
                    ps.setInt(i++, ++lineNo[0]);
                    ps.setInt(i++, l.sourceRow());
                    ps.setString(i++, l.kind().name());
                    for (String code : List.of(l.da(), l.ue(), l.programa(), l.proyecto(), l.actividad(), l.fuente(),
                            l.organismo(), l.partida())) {
                        ps.setString(i++, code);
                    }
                    ps.setBigDecimal(i++, l.vigente());
                    ps.setBigDecimal(i++, l.preventivo());
                    ps.setBigDecimal(i++, l.comprometido());
                    ps.setBigDecimal(i++, l.devengado());
                    ps.setBigDecimal(i, l.pagado());
                });
    }

    /** By binary COPY on the transaction's connection ({@link VoucherCopyMapping}). */
    private void insertVouchers(long id, List<Voucher> vouchers) {
        if (vouchers.isEmpty()) {
            return;
        }
        List<VoucherCopyMapping.Numbered> numbered = new ArrayList<>(vouchers.size());
        for (Voucher v : vouchers) {
            numbered.add(new VoucherCopyMapping.Numbered(numbered.size() + 1, v));
        }
        PgBulkInsert<VoucherCopyMapping.Numbered> copy = new PgBulkInsert<>(new VoucherCopyMapping(id));
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            copy.saveAll(connection.unwrap(PGConnection.class), numbered);
            return null;
        });
    }

    /** Published after a load, inside its transaction (reconciliation listens after commit). */
    public record ExtractLoaded(StoredExtract extract) {
        public ExtractKind kind() {
            return extract.kind();
        }
    }
}
