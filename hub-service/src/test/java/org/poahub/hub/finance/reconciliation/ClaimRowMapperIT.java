package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ClaimRowMapper} decodes the report columns itself (ids, dates and arrivals in PostgreSQL's binary format, the
 * amount from its text): every claim must equal the one made from pgjdbc's own decoding of the same row, whether
 * PostgreSQL sent the row in its binary format (a statement prepared on the server, as the claims query is) or in its
 * text format.
 */
class ClaimRowMapperIT {

    private static final String CLAIMS = "select " + ClaimRowMapper.columns("c") + " from claims c order by c.n";

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());

    ClaimRowMapperIT() {
        // amount without a precision: values a numeric(15, 2) cannot hold must also read back as PostgreSQL has them
        jdbc.execute("create table claims (n int primary key, message_id uuid not null, region_code text,"
                + " document_number text, spent_on date, amount numeric, received_at timestamptz not null)");
        jdbc.update("insert into claims values"
                + " (1, '8f14e45f-ceea-467f-a0e6-3b5c1e4f6d2a', 'BO-L', 'C-31 Nº 000150', '2020-03-15', 36160.50,"
                + "  '2020-03-16 10:00:00.123456+00'),"
                + " (2, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'BO-L', 'Ñandú-7', '1999-12-31', -0.05,"
                + "  '1999-12-31 23:59:59.999999+00'),"
                + " (3, '00000000-0000-0000-0000-000000000000', 'BO-S', '0001', '2000-01-01', 0.00,"
                + "  '2000-01-01 00:00:00+00'),"
                + " (4, '80000000-0000-0000-0000-000000000001', 'BO-C', null, '1969-07-20', 9999999999999.99,"
                + "  '1969-07-20 20:17:40.000001+00'),"
                + " (5, '7fffffff-ffff-ffff-ffff-fffffffffffe', 'BO-C', '12.500', null, null,"
                + "  '2038-01-19 03:14:08+00'),"
                + " (6, '11111111-2222-3333-4444-555555555555', 'BO-P', 'x', '2020-02-29', 123456789012345678,"
                + "  '2020-02-29 12:00:00+00'),"
                + " (7, '11111111-2222-3333-4444-555555555556', 'BO-P', 'y', '2020-02-29', -1234567890123456789.5,"
                + "  '2020-02-29 12:00:00+00'),"
                + " (8, '11111111-2222-3333-4444-555555555557', 'BO-P', 'z', '2020-12-31', 12500,"
                + "  '2020-12-31 23:59:59+00')");
    }

    @Test
    void readsEveryColumnAsPgjdbcDoesInPostgresqlsBinaryFormat() throws SQLException {
        assertThat(read(true)).containsExactlyElementsOf(byPgjdbc());
    }

    @Test
    void readsEveryColumnAsPgjdbcDoesInPostgresqlsTextFormat() throws SQLException {
        assertThat(read(false)).containsExactlyElementsOf(byPgjdbc());
    }

    @Test
    void keepsTheScaleAndSharesOneObjectPerRegionAndDay() throws SQLException {
        List<RegionalClaim> claims = read(true);

        assertThat(claims.get(2).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(claims.get(7).amount()).isEqualTo(new BigDecimal("12500")).hasScaleOf(0);
        assertThat(claims.get(0).region()).isSameAs(claims.get(1).region());
        assertThat(claims.get(5).spentOn()).isSameAs(claims.get(6).spentOn());
    }

    @Test
    void refusesAnAmountThatIsNotANumberAsBigDecimalDoes() {
        jdbc.update("update claims set amount = 'NaN' where n = 1");

        assertThatThrownBy(() -> read(true)).isInstanceOf(NumberFormatException.class);
    }

    /** The claims as the mapper reads them, the statement prepared on the server (binary) or not (text). */
    private List<RegionalClaim> read(boolean binary) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement st = connection.prepareStatement(CLAIMS)) {
            st.unwrap(PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
            try (ResultSet rs = st.executeQuery()) {
                // the test is about the format it asks for: PostgreSQL must have sent that one
                assertThat(rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1)).isEqualTo(binary ? 1 : 0);
                ClaimRowMapper mapper = new ClaimRowMapper(1);
                List<RegionalClaim> claims = new ArrayList<>();
                while (rs.next()) {
                    claims.add(mapper.mapRow(rs, claims.size()));
                }
                return claims;
            }
        }
    }

    /** The same rows as pgjdbc decodes them. */
    private List<RegionalClaim> byPgjdbc() {
        return jdbc.query("select message_id, region_code, document_number, spent_on, amount, received_at from claims"
                + " order by n", (rs, n) -> new RegionalClaim(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5),
                rs.getTimestamp(6).toInstant()));
    }

    @Test
    void theExpectedClaimsAreTheRowsAsWritten() {
        List<RegionalClaim> expected = byPgjdbc();

        assertThat(expected.get(0).receivedAt()).isEqualTo(Instant.parse("2020-03-16T10:00:00.123456Z"));
        assertThat(expected.get(1).receivedAt()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
        assertThat(expected.get(3).receivedAt()).isEqualTo(Instant.parse("1969-07-20T20:17:40.000001Z"));
        assertThat(expected.get(6).amount()).isEqualTo(new BigDecimal("-1234567890123456789.5"));
    }
}
