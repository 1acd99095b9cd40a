package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegionalClaimTest {

    private static final UUID ID = UUID.fromString("8f3c2a10-0000-4000-8000-00000000ffff");
    private static final LocalDate SPENT_ON = LocalDate.of(2020, 3, 15);
    private static final Instant ARRIVED = Instant.parse("2020-03-16T10:00:00Z");

    @Test
    void givesBackTheIdAndTheAmountWithTheValueAndScaleItWasMadeWith() {
        RegionalClaim claim = claim("C-31 Nº 000150", new BigDecimal("-36160.50"));

        assertThat(claim.messageId()).isEqualTo(ID);
        assertThat(claim.amount()).isEqualTo(new BigDecimal("-36160.50")).hasScaleOf(2);
        assertThat(claim.signum()).isEqualTo(-1);
        assertThat(claim(("1"), new BigDecimal("12500")).amount()).isEqualTo(new BigDecimal("12500")).hasScaleOf(0);
    }

    @Test
    void keepsAnAmountBeyondALongAndNoAmountAsGiven() {
        BigDecimal huge = new BigDecimal("92233720368547758.08"); // unscaled: Long.MAX_VALUE + 1

        assertThat(claim("1", huge).amount()).isSameAs(huge);
        assertThat(claim("1", huge).signum()).isEqualTo(1);
        assertThat(claim("1", null).amount()).isNull();
        assertThat(claim("1", null).signum()).isZero();
        assertThat(claim("1", new BigDecimal("-9223372036854775808")).amount())
                .isEqualTo(new BigDecimal("-9223372036854775808"));
    }

    @Test
    void normalisesItsVoucherNumberOnceAndKeepsTheNumberAsGiven() {
        RegionalClaim claim = claim("c-31 n° 000150", BigDecimal.ONE);

        assertThat(claim.number()).isEqualTo("150");
        assertThat(claim.documentNumber()).isEqualTo("c-31 n° 000150");
        assertThat(claim(" - ", BigDecimal.ONE).number()).isEmpty();
    }

    @Test
    void equalsAClaimOfTheSameFieldsOnly() {
        assertThat(claim("150", new BigDecimal("1.00"))).isEqualTo(claim("150", new BigDecimal("1.00")))
                .hasSameHashCodeAs(claim("150", new BigDecimal("1.00")))
                .isNotEqualTo(claim("150", new BigDecimal("1.0")))
                .isNotEqualTo(claim("151", new BigDecimal("1.00")));
        assertThat(claim("150", BigDecimal.ONE).toString()).contains(ID.toString(), "150", "2020-03-15");
    }

    private static RegionalClaim claim(String number, BigDecimal amount) {
        return new RegionalClaim(ID, "BO-C", number, SPENT_ON, amount, ARRIVED);
    }
}
