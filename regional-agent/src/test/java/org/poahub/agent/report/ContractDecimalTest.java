package org.poahub.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ContractDecimalTest {

    private final ReportFactory factory = new ReportFactory("agent-l-01", "BO-L");

    @Test
    void theLimitsAreTheReportSchemas() {
        assertThat(ContractDecimal.AMOUNT).isEqualTo(new ContractDecimal(2, 15));
        assertThat(ContractDecimal.ACHIEVED_VALUE).isEqualTo(new ContractDecimal(4, 18));
        assertThat(ContractDecimal.PERCENT_COMPLETE).isEqualTo(new ContractDecimal(2, 5));
    }

    @Test
    void aNumberThatFitsIsKeptAtTheFieldsScale() {
        assertThat(ContractDecimal.AMOUNT.fit("monto", new BigDecimal("9999999999999.9"))).hasToString("9999999999999.90");
        assertThat(ContractDecimal.AMOUNT.problem(new BigDecimal("12500.00"), "12500,00")).isEmpty();
    }

    @Test
    void tooManyDecimalsOrDigitsAreRefusedInSpanishWithTheValueAsWritten() {
        assertThat(ContractDecimal.AMOUNT.problem(new BigDecimal("10.005"), "10,005"))
                .contains("'10,005' tiene más de 2 decimales.");
        assertThat(ContractDecimal.AMOUNT.problem(new BigDecimal("10000000000000"), "10000000000000"))
                .contains("'10000000000000' tiene demasiadas cifras: a lo sumo 13 antes de la coma decimal.");
        assertThat(ContractDecimal.PERCENT_COMPLETE.problem(new BigDecimal("1000"), "1000"))
                .contains("'1000' tiene demasiadas cifras: a lo sumo 3 antes de la coma decimal.");
    }

    @Test
    void theCommandLinesAmountIsCheckedBeforeItReachesTheEncoder() {
        ExpenditureInput twentyDigits = new ExpenditureInput(2020, "11.04.02", "25220", "Columna 1",
                new BigDecimal("12345678901234567890"), LocalDate.of(2020, 3, 15), "C-31 Nº 120", "", null);

        assertThatThrownBy(() -> factory.expenditure(twentyDigits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monto: '12345678901234567890' tiene demasiadas cifras: a lo sumo 13 antes de la coma"
                        + " decimal.");
    }

    @Test
    void theCommandLinesProgressIsCheckedToo() {
        ProgressInput threeDecimalPercent = new ProgressInput(2020, "11.04.02", LocalDate.of(2020, 3, 1),
                LocalDate.of(2020, 3, 31), new BigDecimal("3"), new BigDecimal("33.333"), "", null, "Ana", null);

        assertThatThrownBy(() -> factory.progress(threeDecimalPercent))
                .hasMessage("porcentaje: '33.333' tiene más de 2 decimales.");
    }
}
