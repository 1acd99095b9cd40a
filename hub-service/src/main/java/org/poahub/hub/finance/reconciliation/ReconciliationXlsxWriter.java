package org.poahub.hub.finance.reconciliation;

import static org.poahub.hub.spreadsheet.SheetWriter.next;
import static org.poahub.hub.spreadsheet.SheetWriter.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Adjustment;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.ExtractRef;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.ReconciliationSummary.FindingTotal;
import org.poahub.hub.finance.reconciliation.ReconciliationSummary.StatusTotal;
import org.poahub.hub.spreadsheet.SheetWriter;

/**
 * A run as a workbook (Spanish): "Líneas" (one row per line, a total row whose difference is SIGEP's total minus
 * the regions'), "Comprobantes" (one row per finding) and "Resumen" (as of which extracts, cut-off and time; totals
 * per status and per finding; SIGEP's DIFERENCIA lines apart). Amounts are numeric cells with two decimals, codes
 * text. Same library and style as the consolidation workbook (Apache POI).
 */
final class ReconciliationXlsxWriter {

    static final List<String> LINE_HEADERS = List.of("Categoría programática", "Operación", "Operaciones",
            "Partida", "Fuente (columna del POA)", "Fuente", "Organismo", "Región", "Devengado SIGEP (Bs)",
            "Gasto regional (Bs)", "Diferencia (Bs)", "Diferencia (%)", "Estado");
    static final List<String> VOUCHER_HEADERS = List.of("N°", "Comprobante", "Hallazgo", "Región", "Reporte",
            "Importe SIGEP (Bs)", "Importe regional (Bs)", "Fecha SIGEP", "Fecha regional", "Detalle");
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("CONCILIADO", "Conciliado"),
            Map.entry("SOLO_EN_SIGEP", "Solo en el SIGEP"), Map.entry("SOLO_EN_REGIONALES", "Solo en las regionales"),
            Map.entry("DIFERENCIA", "Diferencia"), Map.entry("DIFERENCIA_IMPORTE", "Diferencia de importe"),
            Map.entry("DIFERENCIA_FECHA", "Diferencia de fecha"),
            Map.entry("RECLAMADO_DOS_VECES", "Reclamado dos veces"),
            Map.entry("REVERTIDO_SOLO_EN_SIGEP", "Revertido solo en el SIGEP"), Map.entry("TOTAL", "Total"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("America/La_Paz"));

    private final SheetWriter cells;

    private ReconciliationXlsxWriter(SheetWriter cells) {
        this.cells = cells;
    }

    static byte[] write(ReconciliationSummary summary, List<Line> lines, List<Finding> findings) {
        try (SheetWriter cells = new SheetWriter()) {
            return new ReconciliationXlsxWriter(cells).workbookOf(summary, lines, findings);
        }
    }

    private byte[] workbookOf(ReconciliationSummary s, List<Line> lines, List<Finding> findings) {
        Sheet lineSheet = cells.sheet("Líneas", LINE_HEADERS);
        for (Line l : lines) {
            Row row = next(lineSheet);
            text(row, 0, l.category());
            text(row, 1, l.operationCode());
            text(row, 2, String.join(", ", l.operations()));
            text(row, 3, l.partida());
            text(row, 4, l.fundingColumn());
            text(row, 5, l.fuente());
            text(row, 6, l.organismo());
            text(row, 7, l.regionCode().isEmpty() ? "Nacional / sin mapeo" : l.regionCode());
            cells.number(row, 8, l.sigepDevengado());
            cells.number(row, 9, l.regionalSpent());
            cells.number(row, 10, l.difference());
            cells.number(row, 11, l.differencePercent());
            text(row, 12, LABELS.get(l.status()));
        }
        Row total = next(lineSheet);
        cells.bold(total, 0, "Total (" + lines.size() + " líneas)");
        cells.number(total, 8, s.linesTotal().sigep());
        cells.number(total, 9, s.linesTotal().regional());
        cells.number(total, 10, s.linesTotal().difference());

        Sheet voucherSheet = cells.sheet("Comprobantes", VOUCHER_HEADERS);
        for (Finding f : findings) {
            Row row = next(voucherSheet);
            count(row, 0, f.findingNo());
            text(row, 1, f.number());
            text(row, 2, LABELS.get(f.finding()));
            text(row, 3, f.regionCode());
            text(row, 4, f.messageId() == null ? null : f.messageId().toString());
            cells.number(row, 5, f.sigepAmount());
            cells.number(row, 6, f.regionalAmount());
            text(row, 7, day(f.sigepDate()));
            text(row, 8, day(f.regionalDate()));
            text(row, 9, f.detail());
        }

        Sheet summary = cells.sheet("Resumen", List.of("Dato", "Valor"));
        info(summary, "Gestión", String.valueOf(s.fiscalYear()));
        info(summary, "Fecha de corte", day(s.cutOff()));
        info(summary, "Ámbito", s.region() == null ? "Nacional" : "Región " + s.region());
        info(summary, "Extracto de ejecución", extract(s.executionExtract()));
        info(summary, "Extracto de comprobantes", extract(s.voucherExtract()));
        info(summary, "Conciliación N°", String.valueOf(s.runId()));
        info(summary, "Calculada el", TIME.format(s.computedAt()));
        info(summary, "Motivo", s.trigger());
        info(summary, "Reportes regionales hasta", s.reportsAsOf() == null ? "ninguno" : TIME.format(s.reportsAsOf()));
        Row tolerance = next(summary);
        text(tolerance, 0, "Tolerancia (Bs)");
        cells.number(tolerance, 1, s.tolerance());
        next(summary);
        headerRow(summary, List.of("Estado de las líneas", "Líneas", "Devengado SIGEP (Bs)", "Gasto regional (Bs)",
                "Diferencia (Bs)"));
        for (StatusTotal t : s.lines()) {
            statusRow(summary, t, false);
        }
        statusRow(summary, s.linesTotal(), true);
        if (!s.sigepAdjustments().isEmpty()) {
            next(summary);
            headerRow(summary, List.of("Diferencias del SIGEP (total del programa − suma de sus líneas)", "Fila",
                    "Devengado (Bs)"));
            for (Adjustment a : s.sigepAdjustments()) {
                Row row = next(summary);
                text(row, 0, "DA " + a.da() + " / UE " + a.ue() + " / programa " + a.programa());
                count(row, 1, a.sourceRow());
                cells.number(row, 2, a.devengado());
            }
            Row adj = next(summary);
            cells.bold(adj, 0, "Total");
            cells.number(adj, 2, s.sigepAdjustmentsTotal());
        }
        next(summary);
        headerRow(summary, List.of("Hallazgo de comprobantes", "Cantidad", "Importe SIGEP (Bs)",
                "Importe regional (Bs)"));
        for (FindingTotal t : s.vouchers()) {
            Row row = next(summary);
            text(row, 0, LABELS.get(t.finding()));
            count(row, 1, t.count());
            cells.number(row, 2, t.sigep());
            cells.number(row, 3, t.regional());
        }
        Row findingsTotal = next(summary);
        cells.bold(findingsTotal, 0, "Total de hallazgos");
        count(findingsTotal, 1, s.findingsTotal());
        summary.setColumnWidth(0, 64 * 256);

        return cells.bytes();
    }

    private void statusRow(Sheet sheet, StatusTotal t, boolean total) {
        Row row = next(sheet);
        if (total) {
            cells.bold(row, 0, LABELS.get(t.status()));
        } else {
            text(row, 0, LABELS.get(t.status()));
        }
        count(row, 1, t.count());
        cells.number(row, 2, t.sigep());
        cells.number(row, 3, t.regional());
        cells.number(row, 4, t.difference());
    }

    private static String extract(ExtractRef e) {
        return e == null ? "ninguno" : "N° " + e.id() + ", versión " + e.version() + ", cargado el "
                + TIME.format(e.loadedAt());
    }

    private void headerRow(Sheet sheet, List<String> headers) {
        Row row = next(sheet);
        for (int i = 0; i < headers.size(); i++) {
            cells.bold(row, i, headers.get(i));
        }
    }

    private static void info(Sheet sheet, String label, String value) {
        Row row = next(sheet);
        text(row, 0, label);
        text(row, 1, value);
    }

    private static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    private static void count(Row row, int column, int value) {
        row.createCell(column).setCellValue(value);
    }

}
