package org.poahub.rules;

import static org.poahub.rules.RuleCodes.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.plan.ObjectOfExpenditureClassifier;


/**
 * The report validation rules, shared by the regional agent (before saving) and the hub (on ingest). Pure Java:
 * the plan and the report history come in through {@link PlanView} and {@link ReportHistory}.
 */
public final class ReportValidator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlanView plan;
    private final ReportHistory history;
    private final RuleSettings settings;

    public ReportValidator(PlanView plan, ReportHistory history, RuleSettings settings) {
        this.plan = plan;
        this.history = history;
        this.settings = settings;
    }

    public ReportValidator(PlanView plan, ReportHistory history) {
        this(plan, history, RuleSettings.DEFAULTS);
    }

    /**
     * @param topicRegion the region of the topic the report came from, or null when not received from a topic
     *                    (the agent validating its own input)
     */
    public ValidationResult validate(ProgressReport report, String topicRegion) {
        List<Finding> findings = new ArrayList<>();
        checkRegion(report.getRegionCode(), topicRegion, findings);
        Optional<PlannedOperation> operation = checkOperation(report.getFiscalYear(), report.getOperationCode(),
                findings);
        BigDecimal achieved = report.getAchievedValue();
        if (achieved == null || achieved.signum() < 0) {
            findings.add(Finding.error(VALUE_NEGATIVE, "achievedValue",
                    "El valor alcanzado no puede ser negativo (se recibió " + plain(achieved) + ")."));
        }
        BigDecimal percent = report.getPercentComplete();
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            findings.add(Finding.error(PERCENT_OUT_OF_RANGE, "percentComplete",
                    "El porcentaje de avance debe estar entre 0 y 100 (se recibió " + plain(percent) + ")."));
        }
        LocalDate start = report.getPeriodStart();
        LocalDate end = report.getPeriodEnd();
        if (start.isAfter(end)) {
            findings.add(Finding.error(PERIOD_INVERTED, "periodEnd", "El fin del periodo (" + end
                    + ") es anterior a su inicio (" + start + ")."));
        }
        checkInFiscalYear(start, report.getFiscalYear(), "periodStart", "El inicio del periodo", findings);
        checkInFiscalYear(end, report.getFiscalYear(), "periodEnd", "El fin del periodo", findings);
        operation.ifPresent(op -> {
            if (end.isBefore(op.start()) || start.isAfter(op.end())) {
                findings.add(Finding.warning(DATE_OUTSIDE_OPERATION, "periodStart", "El periodo " + start + " a "
                        + end + " está fuera del cronograma de la operación " + op.code() + " (" + op.start()
                        + " a " + op.end() + ")."));
            }
        });
        UUID corrects = report.getCorrectsMessageId();
        if (corrects != null) {
            checkTarget(corrects, ReportKind.PROGRESS, report.getRegionCode(), "correctsMessageId",
                    CORRECTION_TARGET_UNKNOWN, CORRECTION_TARGET_OTHER_REGION, CORRECTION_TARGET_WRONG_KIND,
                    "corregido", findings);
        } else if (achieved != null && achieved.signum() >= 0) {
            history.previousCumulativeProgress(report.getRegionCode(), report.getFiscalYear(),
                    report.getOperationCode()).filter(previous -> previous.compareTo(achieved) > 0)
                    .ifPresent(previous -> findings.add(Finding.error(PROGRESS_BACKWARDS, "achievedValue",
                            "El avance acumulado no puede retroceder: antes se informó " + plain(previous)
                                    + " y ahora " + plain(achieved) + ". Use una corrección del informe anterior.")));
        }
        checkApprovedPeriod(report.getRegionCode(), end, "periodEnd", findings);
        return ValidationResult.of(findings);
    }

    /** @param topicRegion see {@link #validate(ProgressReport, String)} */
    public ValidationResult validate(ExpenditureReport report, String topicRegion) {
        List<Finding> findings = new ArrayList<>();
        checkRegion(report.getRegionCode(), topicRegion, findings);
        Optional<PlannedOperation> operation = checkOperation(report.getFiscalYear(), report.getOperationCode(),
                findings);
        checkInFiscalYear(report.getSpentOn(), report.getFiscalYear(), "spentOn", "La fecha del gasto", findings);
        BigDecimal amount = report.getAmount();
        UUID reverses = report.getReversesMessageId();
        if (reverses == null) {
            if (amount == null || amount.signum() <= 0) {
                findings.add(Finding.error(AMOUNT_NOT_POSITIVE, "amount", "El monto debe ser mayor que cero (se recibió "
                        + plain(amount) + "); para anular un gasto registre una reversión."));
            }
        } else {
            if (amount == null || amount.signum() >= 0) {
                findings.add(Finding.error(REVERSAL_AMOUNT_NOT_NEGATIVE, "amount",
                        "Una reversión debe tener monto negativo (se recibió " + plain(amount) + ")."));
            }
            checkTarget(reverses, ReportKind.EXPENDITURE, report.getRegionCode(), "reversesMessageId",
                    REVERSAL_TARGET_UNKNOWN, REVERSAL_TARGET_OTHER_REGION, REVERSAL_TARGET_WRONG_KIND, "revertido",
                    findings);
        }
        if (!ObjectOfExpenditureClassifier.isWellFormedCode(report.getObjectCode())) {
            findings.add(Finding.error(OBJECT_CODE_MALFORMED, "objectCode", "La partida «" + report.getObjectCode()
                    + "» no es un código del Clasificador por Objeto del Gasto: deben ser cinco dígitos, p. ej. 25220."));
        } else {
            operation.ifPresent(op -> checkBudget(report, op, findings));
        }
        checkApprovedPeriod(report.getRegionCode(), report.getSpentOn(), "spentOn", findings);
        return ValidationResult.of(findings);
    }

    private void checkBudget(ExpenditureReport report, PlannedOperation op, List<Finding> findings) {
        Optional<PlannedBudgetLine> line = op.budgetLines().stream()
                .filter(l -> l.covers(report.getObjectCode(), report.getFundingSource())).findFirst();
        if (line.isEmpty()) {
            String message = "La partida " + report.getObjectCode() + " (fuente " + report.getFundingSource()
                    + ") no está presupuestada para la operación " + op.code() + ".";
            findings.add(new Finding(OBJECT_NOT_BUDGETED, settings.unbudgetedObject(), "objectCode", message));
            return;
        }
        BigDecimal amount = report.getAmount();
        if (amount == null || amount.signum() <= 0) {
            return;
        }
        BigDecimal spent = history.cumulativeSpend(report.getFiscalYear(), op.code(), line.get());
        BigDecimal after = spent.add(amount);
        if (after.compareTo(line.get().amount()) > 0) {
            findings.add(Finding.warning(BUDGET_LINE_EXCEEDED, "amount", "Con este gasto la partida "
                    + line.get().objectCode() + " de la operación " + op.code() + " llega a " + plain(after)
                    + ", por encima de lo presupuestado (" + plain(line.get().amount())
                    + "). Se acepta y queda marcado para revisión."));
        }
    }

    /**
     * Last, and only for a report that will be accepted: one reaching a period already approved is late data. The
     * report's date is the one consolidation files it under: its period end (progress) or spent-on (expenditure).
     */
    private void checkApprovedPeriod(String region, LocalDate reportDate, String field, List<Finding> findings) {
        if (reportDate == null || findings.stream().anyMatch(Finding::isError)) {
            return;
        }
        history.approvedPeriod(region, reportDate).ifPresent(period -> findings.add(Finding.warning(
                PERIOD_ALREADY_APPROVED, field, "El período " + period + " de la regional " + region
                        + " ya estaba aprobado: el informe se acepta y el período queda pendiente de reaprobación"
                        + " (PENDIENTE_REAPROBACION).")));
    }

    private void checkRegion(String region, String topicRegion, List<Finding> findings) {
        if (region == null || !plan.isKnownRegion(region)) {
            findings.add(Finding.error(REGION_UNKNOWN, "regionCode", "La regional '" + region + "' no existe."));
        }
        if (topicRegion != null && !topicRegion.equals(region)) {
            findings.add(Finding.error(REGION_MISMATCH, "regionCode", "El informe es de la regional '" + region
                    + "' pero llegó por el canal de la regional '" + topicRegion + "'."));
        }
    }

    private Optional<PlannedOperation> checkOperation(int fiscalYear, String code, List<Finding> findings) {
        Optional<PlannedOperation> operation = plan.operation(fiscalYear, code);
        if (operation.isEmpty()) {
            findings.add(Finding.error(OPERATION_UNKNOWN, "operationCode", "La operación '" + code
                    + "' no existe en el POA de la gestión " + fiscalYear + "."));
        }
        return operation;
    }

    private static void checkInFiscalYear(LocalDate date, int fiscalYear, String field, String what,
                                          List<Finding> findings) {
        if (date == null || date.getYear() != fiscalYear) {
            findings.add(Finding.error(DATE_OUTSIDE_FISCAL_YEAR, field, what + " (" + date
                    + ") está fuera de la gestión " + fiscalYear + "."));
        }
    }

    private void checkTarget(UUID target, ReportKind kind, String region, String field, String unknownCode,
                             String otherRegionCode, String wrongKindCode, String verb, List<Finding> findings) {
        Optional<ReportHistory.RecordedReport> found = history.findReport(target);
        if (found.isEmpty()) {
            findings.add(Finding.error(unknownCode, field, "El informe " + verb + " (" + target + ") no existe."));
        } else if (!found.get().regionCode().equals(region)) {
            findings.add(Finding.error(otherRegionCode, field, "El informe " + verb + " (" + target
                    + ") pertenece a otra regional (" + found.get().regionCode() + ")."));
        } else if (found.get().kind() != kind) {
            findings.add(Finding.error(wrongKindCode, field, "El informe " + verb + " (" + target
                    + ") es de otro tipo (" + found.get().kind() + ")."));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "nada" : value.stripTrailingZeros().toPlainString();
    }

}
