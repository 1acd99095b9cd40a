package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.RegionalClaim;
import org.springframework.jdbc.core.RowMapper;

/**
 * A claim from a report row's {@link #columns}, starting at column {@code first} of the row; one instance per query.
 *
 * <p>A run reads every accepted expenditure report of the year this way ({@link JdbcReconciliationRepository#claims}),
 * hundreds of thousands of rows (docs/benchmarks.md, "Reconciliation"), hence:
 * <ul>
 * <li>the amount comes as text and is parsed by {@code BigDecimal(String)}, exactly and with the column's scale:
 * pgjdbc decodes a binary {@code numeric} through {@code BigInteger} arithmetic, which a profile showed as a sixth of
 * reading the claims;</li>
 * <li>the claims of one query share one object per region code, expense date and arrival time (9 regions, a year's
 * dates, one arrival time per ingest batch), so each claim keeps three objects fewer alive while the run matches
 * them; the copies decoded for a row die young.</li>
 * </ul>
 */
final class ClaimRowMapper implements RowMapper<RegionalClaim> {

    private static final String[] COLUMNS = {"message_id", "region_code", "document_number", "spent_on",
            "amount::text", "received_at"};

    private final int first;
    private final Map<String, String> regions = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();
    private final Map<Instant, Instant> arrivals = new HashMap<>();

    /** Reads the claim from columns {@code first} to {@code first + 5}. */
    ClaimRowMapper(int first) {
        this.first = first;
    }

    /** The select list a claim is read from, of the report table or its alias ({@code null}: none). */
    static String columns(String alias) {
        String prefix = alias == null ? "" : alias + ".";
        return prefix + String.join(", " + prefix, COLUMNS);
    }

    @Override
    public RegionalClaim mapRow(ResultSet rs, int rowNum) throws SQLException {
        String amount = rs.getString(first + 4);
        Timestamp receivedAt = rs.getTimestamp(first + 5);
        return new RegionalClaim(rs.getObject(first, UUID.class), shared(regions, rs.getString(first + 1)),
                rs.getString(first + 2), shared(dates, rs.getObject(first + 3, LocalDate.class)),
                amount == null ? null : new BigDecimal(amount),
                receivedAt == null ? null : shared(arrivals, receivedAt.toInstant()));
    }

    private static <T> T shared(Map<T, T> held, T value) {
        return value == null ? null : held.computeIfAbsent(value, v -> v);
    }
}
