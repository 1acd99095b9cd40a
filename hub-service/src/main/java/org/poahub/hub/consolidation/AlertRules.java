package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;

/**
 * The physical-vs-financial alerts of docs/consolidation.md, checked per operation (national figures). Messages are
 * Spanish with Bolivian number format (12.000,00).
 */
final class AlertRules {

    /** Financial execution more than the configured points ahead of physical progress. */
    static final String SPEND_AHEAD_OF_PROGRESS = "SPEND_AHEAD_OF_PROGRESS";
    /** Eficiencia relativa (physical / financial) above 1.30: the spend lags behind the physical progress. */
    static final String SPEND_BEHIND_PROGRESS = "SPEND_BEHIND_PROGRESS";
    /** Physical progress reported on a budgeted operation with nothing spent. */
    static final String PROGRESS_WITHOUT_SPEND = "PROGRESS_WITHOUT_SPEND";
    /** Spend on an object group and funding column above its budget. */
    static final String BUDGET_LINE_OVERSPENT = "BUDGET_LINE_OVERSPENT";
    /** Spend on an object group and funding column the operation has no budget for. */
    static final String SPEND_WITHOUT_BUDGET = "SPEND_WITHOUT_BUDGET";
    /** No progress report at all although much of the operation should be done. */
    static final String NO_PROGRESS_REPORTED = "NO_PROGRESS_REPORTED";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConsolidationProperties settings;
    private final LocalDate asOf;
    private final List<Alert> alerts = new ArrayList<>();

    AlertRules(ConsolidationProperties settings, LocalDate asOf) {
        this.settings = settings;
        this.asOf = asOf;
    }

    void check(OperationFigures op, boolean noProgressReport) {
        BigDecimal budget = op.money().budget();
        BigDecimal spent = op.money().spent();
        BigDecimal physical = ProgressMath.capAt100(op.progress().physicalProgress());
        BigDecimal execution = op.money().executionPercent();
        if (execution != null && execution.subtract(physical).compareTo(settings.spendAheadPoints()) > 0) {
            add(SPEND_AHEAD_OF_PROGRESS, op.code(), null, null, "La operación " + op.code() + " ejecutó el "
                    + number(execution) + " % de su presupuesto con un avance físico de " + number(physical)
                    + " % (" + number(execution.subtract(physical)) + " puntos de diferencia; el límite es "
                    + number(settings.spendAheadPoints()) + ").");
        }
        EfficiencyMath.Relative relative = EfficiencyMath.relative(physical, execution);
        if (relative.band() == EfficiencyMath.RelativeBand.FINANCIERO_REZAGADO) {
            add(SPEND_BEHIND_PROGRESS, op.code(), null, null, "La operación " + op.code() + " tiene un avance físico de "
                    + number(physical) + " % con una ejecución financiera de " + number(execution)
                    + " % (eficiencia relativa " + number(relative.value()) + ", mayor a "
                    + number(EfficiencyMath.FINANCIAL_LAGGING_ABOVE) + ": la ejecución financiera está rezagada).");
        }
        if (budget.signum() > 0 && spent.signum() <= 0 && physical.compareTo(settings.progressWithoutSpendPercent()) >= 0) {
            add(PROGRESS_WITHOUT_SPEND, op.code(), null, null, "La operación " + op.code() + " reporta un avance físico de "
                    + number(physical) + " % sin gasto registrado, con un presupuesto de Bs " + number(budget) + ".");
        }
        for (ExpenditureLine line : op.expenditure()) {
            if (line.budget().signum() > 0 && line.spent().compareTo(line.budget()) > 0) {
                add(BUDGET_LINE_OVERSPENT, op.code(), line.objectGroup(), line.fundingSource(), "La operación "
                        + op.code() + " gastó Bs " + number(line.spent()) + " en el grupo " + line.objectGroup() + " ("
                        + line.fundingSource() + "), por encima de su presupuesto de Bs " + number(line.budget())
                        + " (" + number(line.executionPercent()) + " %).");
            } else if (line.budget().signum() == 0 && line.spent().signum() > 0) {
                add(SPEND_WITHOUT_BUDGET, op.code(), line.objectGroup(), line.fundingSource(), "La operación "
                        + op.code() + " gastó Bs " + number(line.spent()) + " en el grupo " + line.objectGroup() + " ("
                        + line.fundingSource() + "), para el que no tiene presupuesto.");
            }
        }
        if (noProgressReport && op.progress().plannedProgress().compareTo(settings.noReportPlannedPercent()) >= 0) {
            add(NO_PROGRESS_REPORTED, op.code(), null, null, "La operación " + op.code()
                    + " no tiene informes de avance y su avance programado al " + asOf.format(DATE) + " es "
                    + number(op.progress().plannedProgress()) + " %.");
        }
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    private void add(String code, String operation, String group, String fundingSource, String message) {
        alerts.add(new Alert(code, operation, group, fundingSource, message));
    }

    /** Bolivian format: thousands with '.', decimals with ',', always two decimals. */
    static String number(BigDecimal value) {
        return BolivianFormat.number(value);
    }
}
