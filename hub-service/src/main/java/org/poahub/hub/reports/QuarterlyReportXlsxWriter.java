package org.poahub.hub.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly report as a workbook: sheet "Seguimiento" (one row per action and operation), "Desvíos" (deviations
 * and their justification), "Eficiencia" (the physical–financial follow-up of the entity and each action, when there
 * is one) and "Firmas" (Elaborado / Revisado / Aprobado). Figures are numeric cells.
 */
final class QuarterlyReportXlsxWriter {

    static final List<String> HEADERS = List.of("Nivel", "Código", "Nombre", "Avance físico (%)",
            "Avance programado (%)", "Desviación (puntos)", "Estado", "Presupuesto (Bs)", "Ejecutado (Bs)",
            "Ejecución (%)");

    private QuarterlyReportXlsxWriter() {
    }

    static byte[] write(QuarterlyReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet s = workbook.createSheet("Seguimiento");
            int r = 0;
            text(s.createRow(r++), 0, QuarterlyReportPdfWriter.title(report), bold);
            text(s.createRow(r++), 0, QuarterlyReportPdfWriter.subtitle(report), null);
            r++;
            header(s.createRow(r++), HEADERS, bold);
            for (QuarterlyReport.Line line : report.lines()) {
                Row row = s.createRow(r++);
                text(row, 0, line.operation() ? "Operación" : "Acción", null);
                text(row, 1, line.code(), null);
                text(row, 2, line.name(), null);
                number(row, 3, line.physicalProgress(), number);
                number(row, 4, line.plannedProgress(), number);
                number(row, 5, line.variance(), number);
                text(row, 6, line.status(), null);
                number(row, 7, line.budget(), number);
                number(row, 8, line.spent(), number);
                number(row, 9, line.executionPercent(), number);
            }
            Row total = s.createRow(r);
            text(total, 0, "Total", bold);
            text(total, 2, report.entityAcronym(), null);
            number(total, 3, report.progress().physicalProgress(), number);
            number(total, 4, report.progress().plannedProgress(), number);
            number(total, 5, report.progress().variance(), number);
            text(total, 6, report.progress().statusLabel(), null);
            number(total, 7, report.money().budget(), number);
            number(total, 8, report.money().spent(), number);
            number(total, 9, report.money().executionPercent(), number);

            Sheet d = workbook.createSheet("Desvíos");
            header(d.createRow(0), List.of("Operación", "Nombre", "Desviación (puntos)", "Estado", "Justificación"), bold);
            int dr = 1;
            for (QuarterlyReport.Deviation deviation : report.deviations()) {
                Row row = d.createRow(dr++);
                text(row, 0, deviation.operationCode(), null);
                text(row, 1, deviation.operationName(), null);
                number(row, 2, deviation.variance(), number);
                text(row, 3, deviation.status(), null);
                text(row, 4, QuarterlyReportPdfWriter.justification(deviation), null);
            }

            if (report.efficiency() != null) {
                Sheet e = workbook.createSheet("Eficiencia");
                text(e.createRow(0), 0, report.efficiency().sourceNote(), null);
                header(e.createRow(2), List.of(QuarterlyReportPdfWriter.EFFICIENCY_HEADERS), bold);
                int er = 3;
                for (QuarterlyReport.EfficiencyLine line : report.efficiency().lines()) {
                    Row row = e.createRow(er++);
                    text(row, 0, line.code(), line.weight() == null ? bold : null);
                    text(row, 1, line.name(), null);
                    if (line.weight() != null) {
                        row.createCell(2).setCellValue(line.weight());
                    }
                    number(row, 3, line.executed(), number);
                    text(row, 4, line.source(), null);
                    number(row, 5, line.financialPercent(), number);
                    number(row, 6, line.physicalPercent(), number);
                    number(row, 7, line.weightedEfficiency(), number);
                    text(row, 8, line.weightedLabel(), null);
                    number(row, 9, line.relativeEfficiency(), number);
                    text(row, 10, line.relativeLabel(), null);
                }
            }

            Sheet f = workbook.createSheet("Firmas");
            header(f.createRow(0), List.of("", "Nombre", "Fecha"), bold);
            int fr = 1;
            for (var entry : QuarterlyReportPdfWriter.signatureRows(report.signatures()).entrySet()) {
                Row row = f.createRow(fr++);
                text(row, 0, entry.getKey(), bold);
                text(row, 1, entry.getValue().name(), null);
                text(row, 2, entry.getValue().date() == null ? null : entry.getValue().date().toString(), null);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the quarterly report workbook", e);
        }
    }

    private static void header(Row row, List<String> headers, CellStyle bold) {
        for (int i = 0; i < headers.size(); i++) {
            text(row, i, headers.get(i), bold);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            // a double holds these 2-decimal figures exactly enough for a spreadsheet; the PDF prints the decimals
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }
}
