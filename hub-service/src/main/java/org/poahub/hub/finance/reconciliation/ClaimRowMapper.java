package org.poahub.hub.finance.reconciliation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGResultSetMetaData;
import org.springframework.jdbc.core.RowMapper;

/**
 * A claim from a report row's {@link #columns}, starting at column {@code first} of the row; one instance per query.
 *
 * <p>A run reads every accepted expenditure report of the year this way ({@link JdbcReconciliationRepository#claims}),
 * hundreds of thousands of rows, and a profile showed this mapper as most of the reading thread's time, which on two
 * cores is time taken from PostgreSQL's scan (docs/benchmarks.md, "Reconciliation"). So it reads the columns' bytes
 * ({@code getBytes}) rather than pgjdbc's objects:
 * <ul>
 * <li>the id, the expense date and the arrival, when PostgreSQL sends them in its binary format (a statement prepared
 * on the server, as the claims query is), are decoded here from that format: the {@code uuid}'s 16 bytes, the
 * {@code date}'s days and the {@code timestamptz}'s microseconds since 2000-01-01 (PostgreSQL's
 * {@code uuid_send}, {@code date_send}, {@code timestamptz_send}). pgjdbc makes a {@link UUID}, a
 * {@link LocalDate} through a calendar and a {@link Timestamp} for them; the claim keeps none of those. In PostgreSQL's
 * text format (a statement run a few times only) they are read through pgjdbc;</li>
 * <li>the amount comes as text and is read as an unscaled {@code long} and a scale, exactly and with the column's
 * scale (pgjdbc decodes a binary {@code numeric} through {@code BigInteger} arithmetic); a text it does not expect
 * goes to {@code BigDecimal(String)}, which keeps its verdict;</li>
 * <li>the claims of one query share one object per region code and expense date (9 regions, a year's dates).</li>
 * </ul>
 * No library offers this: pgjdbc's decoders make the objects above, and the formats are PostgreSQL's stable wire
 * formats. {@code ClaimRowMapperIT} checks every column against pgjdbc's own decoding, in both formats.
 */
final class ClaimRowMapper implements RowMapper<RegionalClaim> {

    private static final String[] COLUMNS = {"message_id", "region_code", "document_number", "spent_on",
            "amount::text", "received_at"};

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    /** PostgreSQL's epoch, 2000-01-01, in days and in seconds since 1970-01-01. */
    private static final int PG_EPOCH_DAY = 10_957;
    private static final long PG_EPOCH_SECOND = 946_684_800L;
    /** PostgreSQL's binary format, as {@link PGResultSetMetaData#getFormat} says it. */
    private static final int BINARY = 1;

    private final int first;
    /** Whether the id, the date and the arrival come in the binary format: known at the first row. */
    private Boolean binary;
    private final List<Region> regions = new ArrayList<>();
    private final LocalDate[] dates = new LocalDate[1024];

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
        if (binary == null) {
            binary = binary(rs);
        }
        String region = region(rs.getBytes(first + 1));
        byte[] number = rs.getBytes(first + 2);
        String documentNumber = number == null ? null : new String(number, StandardCharsets.UTF_8);
        byte[] amount = rs.getBytes(first + 4);
        long id0;
        long id1;
        LocalDate spentOn;
        long arrivalSecond;
        int arrivalNano;
        if (binary) {
            byte[] id = rs.getBytes(first);
            id0 = (long) LONG.get(id, 0);
            id1 = (long) LONG.get(id, 8);
            byte[] day = rs.getBytes(first + 3);
            spentOn = day == null ? null : date(PG_EPOCH_DAY + (long) (int) INT.get(day, 0));
            long micros = (long) LONG.get(rs.getBytes(first + 5), 0);
            arrivalSecond = PG_EPOCH_SECOND + Math.floorDiv(micros, 1_000_000L);
            arrivalNano = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
        } else {
            UUID id = rs.getObject(first, UUID.class);
            id0 = id.getMostSignificantBits();
            id1 = id.getLeastSignificantBits();
            LocalDate day = rs.getObject(first + 3, LocalDate.class);
            spentOn = day == null ? null : date(day.toEpochDay());
            Instant receivedAt = rs.getTimestamp(first + 5).toInstant();
            arrivalSecond = receivedAt.getEpochSecond();
            arrivalNano = receivedAt.getNano();
        }
        return claim(amount, id0, id1, region, documentNumber, spentOn, arrivalSecond, arrivalNano);
    }

    /**
     * The claim with the amount {@code text} ({@code numeric::text}: digits, an optional minus sign and point) as an
     * unscaled {@code long} and a scale; anything else, longer or none, through {@link BigDecimal}.
     */
    private static RegionalClaim claim(byte[] text, long id0, long id1, String region, String documentNumber,
            LocalDate spentOn, long arrivalSecond, int arrivalNano) {
        if (text != null) {
            boolean negative = text.length > 0 && text[0] == '-';
            long unscaled = 0;
            int digits = 0;
            int scale = -1;
            boolean plain = text.length > (negative ? 1 : 0);
            for (int i = negative ? 1 : 0; i < text.length && plain; i++) {
                byte b = text[i];
                if (b >= '0' && b <= '9' && digits < RegionalClaim.LONG_DIGITS) {
                    unscaled = unscaled * 10 + (b - '0');
                    digits++;
                    scale += scale >= 0 ? 1 : 0;
                } else if (b == '.' && scale < 0 && digits > 0 && i < text.length - 1) {
                    scale = 0;
                } else {
                    plain = false;
                }
            }
            if (plain) {
                return new RegionalClaim(id0, id1, region, documentNumber, spentOn, negative ? -unscaled : unscaled,
                        Math.max(scale, 0), null, arrivalSecond, arrivalNano);
            }
        }
        return new RegionalClaim(id0, id1, region, documentNumber, spentOn,
                text == null ? null : new BigDecimal(new String(text, StandardCharsets.US_ASCII)), arrivalSecond,
                arrivalNano);
    }

    private boolean binary(ResultSet rs) throws SQLException {
        PGResultSetMetaData format = rs.getMetaData().unwrap(PGResultSetMetaData.class);
        return format.getFormat(first) == BINARY && format.getFormat(first + 3) == BINARY
                && format.getFormat(first + 5) == BINARY;
    }

    /** The region code of these bytes: one string per code for the query. */
    private String region(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        for (Region region : regions) {
            if (Arrays.equals(region.bytes(), bytes)) {
                return region.code();
            }
        }
        String code = new String(bytes, StandardCharsets.UTF_8);
        if (regions.size() < 64) { // a country's regions; past that, not worth a search per row
            regions.add(new Region(bytes.clone(), code));
        }
        return code;
    }

    /** A region code as the query sent it, and as a string. */
    private record Region(byte[] bytes, String code) {
    }

    /** The date of this day: one object per day for the query (the slots of a year's days never collide). */
    private LocalDate date(long epochDay) {
        int slot = Math.floorMod(epochDay, dates.length);
        LocalDate date = dates[slot];
        if (date == null || date.toEpochDay() != epochDay) {
            date = LocalDate.ofEpochDay(epochDay);
            dates[slot] = date;
        }
        return date;
    }
}
