package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.poahub.routes.finance.VoucherNumbers;

/**
 * One accepted regional expenditure report naming a voucher; a reversal report has a negative amount.
 * {@code receivedAt}: when the hub accepted it, which with the id orders a voucher's claims
 * ({@link VoucherReconciler#ARRIVAL}). {@link #number}: {@code documentNumber} normalised ({@link VoucherNumbers}),
 * once, when the claim is made ("" when it names no voucher).
 *
 * <p>Not a record, on purpose: a run holds every claim of the year while it matches them (593,345 in the benchmark,
 * docs/benchmarks.md, "Reconciliation"), and every young collection copies them all again. So a claim keeps its id as
 * two {@code long}s, its amount as unscaled {@code long} and scale (the report column is {@code numeric(15, 2)},
 * always within a {@code long}) and its arrival as seconds and nanoseconds, and makes the {@link UUID},
 * {@link BigDecimal} and {@link Instant} when asked: one object where a record of the same fields held three, and
 * claims compared by arrival compare numbers ({@link VoucherReconciler#ARRIVAL}). An amount of more than
 * {@link #LONG_DIGITS} digits, or none, is kept as given.
 */
public final class RegionalClaim {

    /** The most digits an unscaled {@code long} always holds: an amount of more is kept as given. */
    static final int LONG_DIGITS = 18;
    /** {@link #amountScale} when the amount is {@link #otherAmount} (null, or of more than {@link #LONG_DIGITS}). */
    private static final int OTHER = Integer.MIN_VALUE;

    private final long idHigh;
    private final long idLow;
    private final String region;
    private final String documentNumber;
    private final String number;
    private final LocalDate spentOn;
    private final long amountUnscaled;
    private final int amountScale;
    private final BigDecimal otherAmount;
    private final long arrivalSecond;
    private final int arrivalNano;

    public RegionalClaim(UUID messageId, String region, String documentNumber, LocalDate spentOn, BigDecimal amount,
            Instant receivedAt) {
        this(messageId.getMostSignificantBits(), messageId.getLeastSignificantBits(), region, documentNumber, spentOn,
                amount, receivedAt.getEpochSecond(), receivedAt.getNano());
    }

    /** A claim from its columns as {@link ClaimRowMapper} decodes them. */
    RegionalClaim(long idHigh, long idLow, String region, String documentNumber, LocalDate spentOn, BigDecimal amount,
            long arrivalSecond, int arrivalNano) {
        this(idHigh, idLow, region, documentNumber, spentOn, compact(amount) ? amount.unscaledValue().longValue() : 0,
                compact(amount) ? amount.scale() : OTHER, compact(amount) ? null : amount, arrivalSecond, arrivalNano);
    }

    /**
     * A claim whose amount is {@code unscaled} × 10^-{@code scale} (most, as {@link ClaimRowMapper} reads them), or,
     * with scale {@link #OTHER}, {@code otherAmount}.
     */
    RegionalClaim(long idHigh, long idLow, String region, String documentNumber, LocalDate spentOn, long unscaled,
            int scale, BigDecimal otherAmount, long arrivalSecond, int arrivalNano) {
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.region = region;
        this.documentNumber = documentNumber;
        this.number = VoucherNumbers.normalize(documentNumber);
        this.spentOn = spentOn;
        this.amountUnscaled = unscaled;
        this.amountScale = scale;
        this.otherAmount = otherAmount;
        this.arrivalSecond = arrivalSecond;
        this.arrivalNano = arrivalNano;
    }

    private static boolean compact(BigDecimal amount) {
        return amount != null && amount.precision() <= LONG_DIGITS;
    }

    public UUID messageId() {
        return new UUID(idHigh, idLow);
    }

    public String region() {
        return region;
    }

    /** The voucher number as the report gave it. */
    public String documentNumber() {
        return documentNumber;
    }

    /** The normalised voucher number; "" when the report names none. */
    public String number() {
        return number;
    }

    public LocalDate spentOn() {
        return spentOn;
    }

    /** The amount, with the value and scale it was made with. */
    public BigDecimal amount() {
        return amountScale == OTHER ? otherAmount : BigDecimal.valueOf(amountUnscaled, amountScale);
    }

    /** The sign of {@link #amount} (0 for none), without making it. */
    int signum() {
        return amountScale == OTHER ? otherAmount == null ? 0 : otherAmount.signum() : Long.signum(amountUnscaled);
    }

    public Instant receivedAt() {
        return Instant.ofEpochSecond(arrivalSecond, arrivalNano);
    }

    /** This claim's {@link #receivedAt} compared with {@code other}'s, without making either instant. */
    int compareArrival(RegionalClaim other) {
        int c = Long.compare(arrivalSecond, other.arrivalSecond);
        return c != 0 ? c : Integer.compare(arrivalNano, other.arrivalNano);
    }

    /** {@link #messageId}'s bits, compared without making it. */
    long idHigh() {
        return idHigh;
    }

    long idLow() {
        return idLow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionalClaim c && idHigh == c.idHigh && idLow == c.idLow
                && Objects.equals(region, c.region) && Objects.equals(documentNumber, c.documentNumber)
                && Objects.equals(spentOn, c.spentOn) && Objects.equals(amount(), c.amount())
                && arrivalSecond == c.arrivalSecond && arrivalNano == c.arrivalNano;
    }

    @Override
    public int hashCode() {
        return Objects.hash(idHigh, idLow, region, documentNumber, spentOn, amount(), arrivalSecond, arrivalNano);
    }

    @Override
    public String toString() {
        return "RegionalClaim[messageId=" + messageId() + ", region=" + region + ", documentNumber=" + documentNumber
                + ", spentOn=" + spentOn + ", amount=" + amount() + ", receivedAt=" + receivedAt() + "]";
    }
}
