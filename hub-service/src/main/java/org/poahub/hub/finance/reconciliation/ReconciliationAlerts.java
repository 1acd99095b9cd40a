package org.poahub.hub.finance.reconciliation;

import static org.poahub.hub.consolidation.BolivianFormat.number;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.consolidation.AlertSource;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;
import org.springframework.stereotype.Component;

/**
 * The reconciliation's entries in the consolidated alerts list (docs/finance.md, "Alerts and gauges"), from the
 * gestión's newest run when its cut-off is on or before the date the figures are read as of:
 * <ul>
 * <li>{@link #DEVENGADO_WITHOUT_REGIONAL_REPORT}: one per {@code SOLO_EN_SIGEP} line (SIGEP devengado on a category ×
 * partida × funding column × region no region reported);</li>
 * <li>{@link #SPEND_NOT_IN_SIGEP}: per region, its {@code SOLO_EN_REGIONALES} voucher claims spent at least
 * {@code poa.finance.alerts.unrecorded-spend-days} before the cut-off (a younger one may simply not be recorded
 * yet).</li>
 * </ul>
 */
@Component
class ReconciliationAlerts implements AlertSource {

    static final String DEVENGADO_WITHOUT_REGIONAL_REPORT = "DEVENGADO_WITHOUT_REGIONAL_REPORT";
    static final String SPEND_NOT_IN_SIGEP = "SPEND_NOT_IN_SIGEP";
    private static final int NUMBERS_SHOWN = 5;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcReconciliationRepository repository;
    private final FinanceAlertProperties properties;

    ReconciliationAlerts(JdbcReconciliationRepository repository, FinanceAlertProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public List<Alert> alerts(int fiscalYear, LocalDate asOf, String regionCode) {
        return repository.latestRun(fiscalYear).filter(run -> !run.cutOff().isAfter(asOf))
                .map(run -> of(run, repository.lines(run.id(), regionCode, LineReconciler.Status.SOLO_EN_SIGEP.name(),
                                null, null),
                        repository.findings(run.id(), regionCode, VoucherReconciler.Finding.SOLO_EN_REGIONALES.name())))
                .orElse(List.of());
    }

    /** The alerts of a run, from its SOLO_EN_SIGEP lines and SOLO_EN_REGIONALES findings. */
    List<Alert> of(Run run, List<Line> onlyInSigep, List<Finding> onlyInRegions) {
        String cutOff = run.cutOff().format(DATE);
        List<Alert> alerts = new ArrayList<>();
        for (Line l : onlyInSigep) {
            String where = "la categoría " + (l.category().isEmpty() ? "sin mapeo" : l.category()) + ", partida "
                    + l.partida() + (l.fundingColumn().isEmpty() ? "" : " (" + l.fundingColumn() + ")")
                    + (l.regionCode().isEmpty() ? "" : ", regional " + l.regionCode());
            alerts.add(new Alert(DEVENGADO_WITHOUT_REGIONAL_REPORT, l.operationCode(), l.partida(), l.fundingColumn(),
                    "El SIGEP registra un devengado de Bs " + number(l.sigepDevengado()) + " en " + where
                            + " sin ningún reporte regional de gasto al " + cutOff + "."));
        }
        LocalDate lastDay = run.cutOff().minusDays(properties.unrecordedSpendDays());
        Map<String, List<Finding>> byRegion = new TreeMap<>();
        onlyInRegions.stream().filter(f -> f.regionalDate() != null && !f.regionalDate().isAfter(lastDay))
                .forEach(f -> byRegion.computeIfAbsent(f.regionCode(), r -> new ArrayList<>()).add(f));
        byRegion.forEach((region, findings) -> {
            BigDecimal amount = findings.stream().map(Finding::regionalAmount).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            List<String> numbers = findings.stream().map(Finding::number).distinct().toList();
            String shown = String.join(", ", numbers.subList(0, Math.min(NUMBERS_SHOWN, numbers.size())))
                    + (numbers.size() > NUMBERS_SHOWN ? " y " + (numbers.size() - NUMBERS_SHOWN) + " más" : "");
            boolean one = findings.size() == 1;
            alerts.add(new Alert(SPEND_NOT_IN_SIGEP, "", null, null, "La regional " + region + " tiene "
                    + findings.size() + (one ? " gasto reportado" : " gastos reportados") + " (Bs " + number(amount)
                    + ") sin registro en el SIGEP " + properties.unrecordedSpendDays() + " días o más antes del corte"
                    + " del " + cutOff + ": " + (numbers.size() == 1 ? "comprobante " : "comprobantes ") + shown + "."));
        });
        return alerts;
    }
}
