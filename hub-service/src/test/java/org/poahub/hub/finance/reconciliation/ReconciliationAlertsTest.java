package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;

class ReconciliationAlertsTest {

    static final Run RUN = new Run(1, 2020, LocalDate.of(2020, 6, 30), 2L, 3L, 4L, BigDecimal.ZERO, null, 10, null,
            "prueba");

    final ReconciliationAlerts alerts = new ReconciliationAlerts(null, new FinanceAlertProperties(30,
            Duration.ofSeconds(30)));

    @Test
    void devengadoWithoutARegionalReportIsOneAlertPerLine() {
        List<Alert> list = alerts.of(RUN, List.of(
                line("11-0000-005", "", "11700", "Columna 1", "BO-L", "987800.00"),
                line("12-0000-009", "04.02.01", "26990", "", "", "1500.50")), List.of());

        assertThat(list).extracting(Alert::code).containsOnly(ReconciliationAlerts.DEVENGADO_WITHOUT_REGIONAL_REPORT);
        assertThat(list).extracting(Alert::operationCode).containsExactly("", "04.02.01");
        assertThat(list).extracting(Alert::message).containsExactly(
                "El SIGEP registra un devengado de Bs 987.800,00 en la categoría 11-0000-005, partida 11700 (Columna 1),"
                        + " regional BO-L sin ningún reporte regional de gasto al 30/06/2020.",
                "El SIGEP registra un devengado de Bs 1.500,50 en la categoría 12-0000-009, partida 26990 sin ningún"
                        + " reporte regional de gasto al 30/06/2020.");
    }

    @Test
    void regionalSpendNotInSigepAlertsOnlyOnceItIsOldEnoughAndPerRegion() {
        List<Finding> claims = new ArrayList<>();
        claims.add(claim("999", "BO-C", "900000.00", "2020-05-31"));
        claims.add(claim("998", "BO-L", "2500.00", "2020-06-01"));
        for (int i = 1; i <= 7; i++) {
            claims.add(claim("90" + i, "BO-S", "10.00", "2020-01-0" + i));
        }

        List<Alert> list = alerts.of(RUN, List.of(), claims);

        assertThat(list).extracting(Alert::message).as("31/05 is 30 days before 30/06; 01/06 is 29").containsExactly(
                "La regional BO-C tiene 1 gasto reportado (Bs 900.000,00) sin registro en el SIGEP 30 días o más antes"
                        + " del corte del 30/06/2020: comprobante 999.",
                "La regional BO-S tiene 7 gastos reportados (Bs 70,00) sin registro en el SIGEP 30 días o más antes del"
                        + " corte del 30/06/2020: comprobantes 901, 902, 903, 904, 905 y 2 más.");
        assertThat(list).extracting(Alert::code).containsOnly(ReconciliationAlerts.SPEND_NOT_IN_SIGEP);
    }

    private static Line line(String category, String operation, String partida, String column, String region,
            String devengado) {
        BigDecimal amount = new BigDecimal(devengado);
        return new Line(category, operation, List.of(), partida, column, region, null, null, null, null, null, amount,
                BigDecimal.ZERO.setScale(2), amount, new BigDecimal("100.00"), "SOLO_EN_SIGEP");
    }

    private static Finding claim(String number, String region, String amount, String spentOn) {
        return new Finding(1, "SOLO_EN_REGIONALES", number, region, UUID.randomUUID(), null, new BigDecimal(amount),
                null, LocalDate.parse(spentOn), "prueba");
    }
}
