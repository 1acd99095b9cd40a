package org.poahub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;
import org.poahub.routes.finance.Extract;
import org.poahub.routes.finance.ExtractReader;

/**
 * The simulated SIGEP's quarter, read back by the hub's own extract reader: every accepted expense up to the cut-off
 * in its execution line and its voucher, except exactly the three deliberate differences (figures by hand).
 */
class SigepQuarterTest {

    private static final BudgetMapping MAPPING = new BudgetMapping(2020, "41", List.of("prueba"),
            Map.of("11.04.02", new ProgramCategory("11", "0000", "004"),
                    "11.04.03", new ProgramCategory("11", "0000", "004")),
            Map.of("Columna 1", new FundingSource("20", "230"), "Columna 2", new FundingSource("41", "111")),
            Map.of("BO-L", new AdministrativeUnit("1", "1"), "BO-C", new AdministrativeUnit("2", "2")));

    private static final List<SigepQuarter.Expense> EXPENSES = List.of(
            expense("BO-C", 4, "11.04.02", "Columna 2", "1234567.89", "2020-03-01", "CBTE-BO-C-202003-0002"),
            expense("BO-L", 5, "11.04.03", "Columna 1", "2345.67", "2020-02-11", "CBTE-BO-L-202002-0001"),
            expense("BO-L", 3, "11.04.02", "Columna 1", "1000.00", "2020-01-10", "CBTE-BO-L-202001-0001"),
            expense("BO-C", 2, "11.04.02", "Columna 2", "500.00", "2020-03-31", "CBTE-BO-C-202003-0001"),
            // after the cut-off, and a region the mapping leaves out: in neither file
            expense("BO-L", 7, "11.04.02", "Columna 1", "99.00", "2020-04-01", "CBTE-BO-L-202004-0001"),
            expense("BO-S", 1, "11.04.02", "Columna 1", "77.00", "2020-03-02", "CBTE-BO-S-202003-0001"));

    private final SigepQuarter.Files files = SigepQuarter.build(2020, LocalDate.of(2020, 3, 31), EXPENSES, "BO-L",
            MAPPING);

    @Test
    void theExecutionHasEveryExpenseTheTenBolivianosMoreAndTheDevengadoNobodyReported() {
        Extract.Execution execution = (Extract.Execution) new ExtractReader().read("ejecucion.csv",
                files.execution().getBytes(StandardCharsets.UTF_8));

        assertThat(execution.fiscalYear()).isEqualTo(2020);
        assertThat(execution.cutOff()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(execution.lines()).extracting(l -> String.join("/", l.da(), l.ue(), l.programa(), l.proyecto(),
                        l.actividad(), l.fuente(), l.organismo(), l.partida()) + " " + l.devengado().toPlainString())
                .containsExactly(
                        // 1,000.00 (11.04.02) + 2,345.67 + 10.00 (11.04.03, off by ten), one shared category
                        "1/1/11/0000/004/20/230/25220 3355.67",
                        "1/1/11/0000/004/20/230/43120 8500.00",
                        // 500.00 + 1,234,567.89
                        "2/2/11/0000/004/41/111/25220 1235067.89");
        assertThat(execution.lines()).allSatisfy(l -> assertThat(l.pagado()).isEqualByComparingTo(l.devengado()));
        assertThat(files.unmapped()).isEqualTo(1);
    }

    @Test
    void theListingMissesTheFirstVoucherHasTheSecondTenBolivianosHigherAndOneNobodyClaims() {
        Extract.Vouchers vouchers = (Extract.Vouchers) new ExtractReader().read("comprobantes.csv",
                files.vouchers().getBytes(StandardCharsets.UTF_8));

        assertThat(vouchers.vouchers()).extracting(v -> v.number() + " " + v.date() + " " + v.da() + "/" + v.ue()
                        + " " + v.partida() + " " + v.fuente() + "/" + v.organismo() + " " + v.amount().toPlainString())
                .containsExactly(
                        "CBTE-BO-C-202003-0001 2020-03-31 2/2 25220 41/111 500.00",
                        "CBTE-BO-C-202003-0002 2020-03-01 2/2 25220 41/111 1234567.89",
                        "CBTE-BO-L-202002-0001 2020-02-11 1/1 25220 20/230 2355.67",
                        "90001 2020-03-16 1/1 43120 20/230 8500.00");
        assertThat(vouchers.vouchers()).allSatisfy(v -> {
            assertThat(v.stage()).isEqualTo(Extract.Stage.DEVENGADO);
            assertThat(v.state()).isEqualTo(Extract.State.APROBADO);
        });
    }

    @Test
    void amountsAreInBolivianNotation() {
        assertThat(SigepQuarter.money(new BigDecimal("1234567.89"))).isEqualTo("1.234.567,89");
        assertThat(SigepQuarter.money(new BigDecimal("-5.5"))).isEqualTo("-5,50");
        assertThat(files.execution()).contains(";1.235.067,89;");
    }

    private static SigepQuarter.Expense expense(String region, long sequence, String operation, String column,
            String amount, String date, String voucher) {
        return new SigepQuarter.Expense(region, sequence, operation, "25220", column, new BigDecimal(amount),
                LocalDate.parse(date), voucher);
    }
}
