package org.poahub.hub.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finance tables (V18-V22) in a real PostgreSQL keep the rules the finance feature relies on, whatever code
 * writes to them: one load per content hash, one extract in force per period with the superseded ones kept, a
 * program difference stored as a line of its own, reversals as negative vouchers, one export per exported state.
 */
class FinanceSchemaIT {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "b".repeat(64);

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final JdbcClient sql = JdbcClient.create(database.dataSource());

    @BeforeEach
    void migrate() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void theSameContentCannotBeLoadedTwice() {
        extract(1, HASH_A);

        assertThatThrownBy(() -> insertExtract("2020-06-30", 2, HASH_A))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("checksum_sha256");
    }

    @Test
    void aLaterExtractSupersedesTheEarlierOneOfItsPeriodAndBothAreKept() {
        long first = extract(1, HASH_A);

        assertThatThrownBy(() -> insertExtract("2020-06-30", 2, HASH_B))
                .as("two extracts in force for one period").hasMessageContaining("finance_extract_current");

        sql.sql("update finance_extract set superseded_at = now() where id = ?").param(first).update();
        long second = insertExtract("2020-06-30", 2, HASH_B);
        sql.sql("update finance_extract set superseded_by = ? where id = ?").params(second, first).update();

        assertThat(sql.sql("select id from finance_extract where superseded_at is null").query(Long.class).list())
                .containsExactly(second);
        assertThat(sql.sql("select superseded_by from finance_extract where id = ?").param(first).query(Long.class)
                .single()).isEqualTo(second);
    }

    @Test
    void aProgramDifferenceIsALineOfItsOwnWithoutPartidaAndAPlainLineNeedsOne() {
        long id = extract(1, HASH_A);
        line(id, 1, 5, "LINEA", "25220", "100.00");
        line(id, 2, 6, "DIFERENCIA", "", "-0.50");

        assertThat(sql.sql("select sum(devengado) from finance_execution_line where extract_id = ?").param(id)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("99.50");
        assertThatThrownBy(() -> line(id, 3, 7, "LINEA", "", "1.00")).hasMessageContaining("check");
    }

    @Test
    void aReversalIsANegativeVoucherOfItsOwnAndAPlainVoucherIsNeverNegative() {
        long id = sql.sql("insert into finance_extract (kind, fiscal_year, cut_off, version, checksum_sha256, source,"
                        + " loaded_by, line_count) values ('COMPROBANTES', 2020, '2020-06-30', 1, ?, 'x', 'test', 2)"
                        + " returning id").param(HASH_A).query(Long.class).single();
        voucher(id, 1, "120", "1500.00", null, null);
        voucher(id, 2, "121", "-500.00", "120", "PARCIAL");

        assertThatThrownBy(() -> voucher(id, 3, "122", "-1.00", null, null)).hasMessageContaining("check");
        assertThatThrownBy(() -> voucher(id, 4, "123", "1.00", "120", "TOTAL")).hasMessageContaining("check");
        assertThatThrownBy(() -> voucher(id, 5, "120", "1.00", null, null)).hasMessageContaining("finance_voucher");
    }

    @Test
    void theSameExportedStateIsRecordedOncePerPeriod() {
        export(1, HASH_A);
        export(2, HASH_B);

        assertThatThrownBy(() -> export(3, HASH_A)).hasMessageContaining("state_sha256");
    }

    private long extract(int version, String hash) {
        return insertExtract("2020-06-30", version, hash);
    }

    private long insertExtract(String cutOff, int version, String hash) {
        return sql.sql("insert into finance_extract (kind, fiscal_year, cut_off, version, checksum_sha256, source,"
                        + " loaded_by, line_count) values ('EJECUCION', 2020, ?::date, ?, ?, 'file:ejecucion.csv',"
                        + " 'test', 0) returning id")
                .params(cutOff, version, hash).query(Long.class).single();
    }

    private void line(long extractId, int lineNo, Integer row, String kind, String partida, String devengado) {
        sql.sql("insert into finance_execution_line (extract_id, line_no, source_row, line_kind, da, ue, programa,"
                        + " proyecto, actividad, fuente, organismo, partida, vigente, preventivo, comprometido,"
                        + " devengado, pagado) values (?, ?, ?, ?, '1', '1', '00', '0000', '001', '41', '111', ?,"
                        + " 0, 0, 0, ?::numeric, 0)")
                .params(extractId, lineNo, row, kind, partida, devengado).update();
    }

    private void voucher(long extractId, int lineNo, String number, String amount, String reverses, String kind) {
        sql.sql("insert into finance_voucher (extract_id, line_no, source_row, number_raw, number, voucher_date, stage,"
                        + " state, da, ue, partida, fuente, organismo, amount, beneficiary, reverses_number,"
                        + " reversal_kind) values (?, ?, ?, ?, ?, '2020-03-02', 'DEVENGADO', 'APROBADO', '1', '1',"
                        + " '25220', '41', '111', ?::numeric, 'PROVEEDOR', ?, ?)")
                .params(extractId, lineNo, lineNo + 1, number, number, amount, reverses, kind).update();
    }

    private void export(int version, String state) {
        sql.sql("insert into finance_export (entity_code, fiscal_year, period, version, state_sha256, file_base,"
                        + " csv_sha256, xlsx_sha256, figures, destination, requested_by, trigger)"
                        + " values ('41', 2020, '2020-T2', ?, ?, 'x', ?, ?, '{}'::jsonb, 'file:outbox', 'test', 'API')")
                .params(version, state, state, state).update();
    }
}
