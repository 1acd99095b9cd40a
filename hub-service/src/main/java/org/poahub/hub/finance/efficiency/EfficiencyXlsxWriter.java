package org.poahub.hub.finance.efficiency;

import static org.poahub.hub.spreadsheet.SheetWriter.next;
import static org.poahub.hub.spreadsheet.SheetWriter.text;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Level;
import org.poahub.hub.spreadsheet.SheetWriter;

/**
 * The follow-up as a workbook in Spanish: "Seguimiento" (one row per entity, objective, action and operation, in the
 * plan's order) and "Notas" (as of which date and source, and how each figure is computed). Amounts and percentages
 * are numeric cells with two decimals; codes and bands are text; an indicator that cannot be computed has no number
 * and its band says why ("Sin ejecución programada").
 */
final class EfficiencyXlsxWriter {

    static final List<String> HEADERS = List.of("Nivel", "Código", "Nombre", "Ponderación", "Presupuesto (Bs)",
            "Programado al cierre (Bs)", "Gasto regional (Bs)", "Devengado SIGEP (Bs)", "Ejecutado (Bs)",
            "Fuente del ejecutado", "Ejecución financiera (%)", "Meta financiera (%)", "Avance físico (%)",
            "Meta física (%)", "Cumplimiento físico (%)", "Cumplimiento financiero (%)", "Eficiencia ponderada",
            "Calificación", "Eficiencia relativa", "Lectura", "Observación");
    static final Map<Level, String> LEVELS = Map.of(Level.ENTIDAD, "Entidad", Level.OBJETIVO, "Objetivo",
            Level.ACCION, "Acción", Level.OPERACION, "Operación");
    static final Map<QuarterlyEfficiency.Source, String> SOURCES = Map.of(QuarterlyEfficiency.Source.SIGEP,
            "SIGEP (devengado)", QuarterlyEfficiency.Source.REGIONALES, "Reportes regionales");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private EfficiencyXlsxWriter() {
    }

    static byte[] write(QuarterlyEfficiency q) {
        try (SheetWriter cells = new SheetWriter()) {
            Sheet sheet = cells.sheet("Seguimiento", HEADERS);
            for (QuarterlyEfficiency.Row r : q.rows()) {
                Row row = next(sheet);
                text(row, 0, LEVELS.get(r.level()));
                text(row, 1, r.code());
                text(row, 2, r.name());
                if (r.weight() != null) {
                    row.createCell(3).setCellValue(r.weight());
                }
                cells.number(row, 4, r.budget());
                cells.number(row, 5, r.programmedBudget());
                cells.number(row, 6, r.regionalSpent());
                cells.number(row, 7, r.sigepDevengado());
                cells.number(row, 8, r.executed());
                text(row, 9, SOURCES.get(r.source()));
                cells.number(row, 10, r.financialPercent());
                cells.number(row, 11, r.financialTarget());
                cells.number(row, 12, r.physicalPercent());
                cells.number(row, 13, r.physicalTarget());
                cells.number(row, 14, r.physicalAttainment());
                cells.number(row, 15, r.financialAttainment());
                cells.number(row, 16, r.weightedEfficiency());
                text(row, 17, r.weightedLabel());
                cells.number(row, 18, r.relativeEfficiency());
                text(row, 19, r.relativeLabel());
                text(row, 20, r.sourceNote());
            }
            Sheet notes = cells.sheet("Notas", List.of("Seguimiento físico-financiero", ""));
            note(notes, "Entidad", q.entityAcronym());
            note(notes, "Gestión", String.valueOf(q.fiscalYear()));
            note(notes, "Trimestre", q.quarter() + " (al " + q.quarterEnd().format(DATE) + ")");
            note(notes, "Versión del plan", String.valueOf(q.planVersion()));
            note(notes, "Fuente del ejecutado", q.sourceNote());
            note(notes, "Meta física", "Avance programado al cierre del trimestre según las fechas de cada operación"
                    + " (lineal entre inicio y fin); acciones: promedio de sus operaciones; objetivos: ponderado.");
            note(notes, "Meta financiera", "Presupuesto programado al cierre (presupuesto de cada operación × su avance"
                    + " programado, al centavo) / presupuesto × 100.");
            note(notes, "Eficiencia ponderada", "(% físico / meta física × 0,5 + % financiero / meta financiera × 0,5)"
                    + " × 100, cada cociente hasta 1. 76–100 Eficiente, 51–75 Suficiente, 26–50 Riesgo de"
                    + " incumplimiento, 0–25 Ineficiente; sin meta: Sin ejecución programada.");
            note(notes, "Eficiencia relativa", "% físico / % financiero: menor a 0,90 avance físico rezagado; de 0,90"
                    + " a 1,30 eficiente; mayor a 1,30 ejecución financiera rezagada.");
            note(notes, "Redondeo", "Porcentajes e indicadores con dos decimales (mitad hacia arriba); importes exactos.");
            return cells.bytes();
        }
    }

    private static void note(Sheet sheet, String label, String value) {
        Row row = next(sheet);
        text(row, 0, label);
        text(row, 1, value);
    }
}
