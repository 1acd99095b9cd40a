package org.poahub.hub.finance.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The consolidated execution of one period (período), as exported to the financial system: physical progress per
 * operation and per action (with its ponderación), and financial execution per categoría programática × partida ×
 * fuente-organismo. Computed in one place ({@link ExecutionCalculator}); the API, the CSV, the XLSX and the Avro
 * record all show this record. Percentages have 2 decimals; amounts are bolivianos with scale 2.
 *
 * @param mappingVersion   the budget mapping version used; null without a mapping (categories empty, source = the
 *                         plan's funding column)
 * @param physicalProgress the entity's, actions weighted by their ponderación (docs/consolidation.md)
 * @param budget           the plan's total
 * @param spent            accepted regional expenditure with {@code spentOn} up to {@code periodEnd}
 */
public record PeriodExecution(String entityCode, String entityAcronym, int fiscalYear, String period,
        LocalDate periodStart, LocalDate periodEnd, int planVersion, Integer mappingVersion,
        BigDecimal physicalProgress, BigDecimal budget, BigDecimal spent, List<ActionLine> actions,
        List<OperationLine> operations, List<Line> lines) {

    public PeriodExecution {
        actions = List.copyOf(actions);
        operations = List.copyOf(operations);
        lines = List.copyOf(lines);
    }

    /** An acción de corto plazo: ponderación, progress (mean of its operations), budget and spend. */
    public record ActionLine(String code, String name, int weight, BigDecimal physicalProgress,
            BigDecimal plannedProgress, BigDecimal budget, BigDecimal spent) {
    }

    /** An operación: its categoría programática ("" when not mapped), national progress, budget and spend. */
    public record OperationLine(String code, String name, String actionCode, String category,
            BigDecimal physicalProgress, BigDecimal plannedProgress, BigDecimal budget, BigDecimal spent) {
    }

    /**
     * Financial execution of one categoría programática × partida × fuente-organismo.
     *
     * @param category         e.g. {@code 11-0000-004}; "" when the operations are not mapped
     * @param source           e.g. {@code 20-230}; the plan's funding column title when it is not mapped
     * @param executionPercent spent / budget × 100; null without budget
     */
    public record Line(String category, String partida, String source, BigDecimal budget, BigDecimal spent,
            BigDecimal executionPercent) {
    }
}
