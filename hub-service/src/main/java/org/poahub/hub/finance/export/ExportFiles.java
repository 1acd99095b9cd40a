package org.poahub.hub.finance.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.poahub.hub.spreadsheet.SafeText;
import org.poahub.hub.spreadsheet.SheetWriter;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.OutboxFile;

/**
 * The files of one export, written from a {@link PeriodExecution} (docs/finance.md, "Execution out"): the CSV (UTF-8,
 * {@code ;}, decimal point, CRLF), the XLSX (sheets Resumen, Acciones, Operaciones, Partidas) and the {@code .done}
 * file naming both with their SHA-256. Text cells pass through {@link SafeText}. Named
 * {@code ejecucion_<entidad>_<gestión>_<período>_v<versión>}.
 */
final class ExportFiles {

    static final List<String> TABLE_HEADERS = List.of("Tipo", "Código", "Nombre", "Acción", "Categoría programática",
            "Partida", "Fuente-organismo", "Ponderación", "Avance físico %", "Avance programado %", "Presupuesto",
            "Ejecutado", "Ejecución %");

    private ExportFiles() {
    }

    /** The name every file of the export starts with, e.g. {@code ejecucion_41_2020_2020-T2_v1}. */
    static String baseName(PeriodExecution e, int version) {
        return "ejecucion_" + e.entityCode() + "_" + e.fiscalYear() + "_" + e.period() + "_v" + version;
    }

    /** One row per action, operation and partida line, then a total row; the header rows say what and as of when. */
    static byte[] csv(PeriodExecution e, int version, String stateSha256) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (List<Object> row : header(e, version, stateSha256)) {
                csv.printRecord(plain(row));
            }
            csv.println();
            csv.printRecord(TABLE_HEADERS);
            for (List<Object> row : rows(e)) {
                csv.printRecord(plain(row));
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(PeriodExecution e, int version, String stateSha256) {
        try (SheetWriter writer = new SheetWriter()) {
            Sheet summary = writer.sheet("Resumen", List.of("Dato", "Valor"));
            for (List<Object> row : header(e, version, stateSha256)) {
                cells(writer, SheetWriter.next(summary), row);
            }
            Sheet table = writer.sheet("Ejecución", TABLE_HEADERS);
            for (List<Object> row : rows(e)) {
                cells(writer, SheetWriter.next(table), row);
            }
            return writer.bytes();
        }
    }

    /** The {@code .done} file: written last, it names each file with its SHA-256 and size. */
    static byte[] done(List<OutboxFile> files) {
        StringBuilder text = new StringBuilder();
        for (OutboxFile f : files) {
            text.append(f.name()).append(';').append(ExtractFileHandler.sha256(f.content())).append(';')
                    .append(f.content().length).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<Object>> header(PeriodExecution e, int version, String stateSha256) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Entidad", text(e.entityCode()), text(e.entityAcronym())));
        rows.add(List.of("Gestión", e.fiscalYear()));
        rows.add(List.of("Período", text(e.period()), e.periodStart().toString(), e.periodEnd().toString()));
        rows.add(List.of("Versión", version));
        rows.add(List.of("Versión del plan", e.planVersion()));
        rows.add(List.of("Versión del mapeo", e.mappingVersion() == null ? "" : e.mappingVersion()));
        rows.add(List.of("Huella SHA-256", stateSha256));
        rows.add(List.of("Avance físico %", e.physicalProgress()));
        rows.add(List.of("Presupuesto", e.budget()));
        rows.add(List.of("Ejecutado", e.spent()));
        return rows;
    }

    private static List<List<Object>> rows(PeriodExecution e) {
        List<List<Object>> rows = new ArrayList<>();
        for (PeriodExecution.ActionLine a : e.actions()) {
            rows.add(row("ACCION", a.code(), a.name(), "", "", "", "", a.weight(), a.physicalProgress(),
                    a.plannedProgress(), a.budget(), a.spent(), null));
        }
        for (PeriodExecution.OperationLine o : e.operations()) {
            rows.add(row("OPERACION", o.code(), o.name(), o.actionCode(), o.category(), "", "", null,
                    o.physicalProgress(), o.plannedProgress(), o.budget(), o.spent(), null));
        }
        for (PeriodExecution.Line l : e.lines()) {
            rows.add(row("PARTIDA", "", "", "", l.category(), l.partida(), l.source(), null, null, null, l.budget(),
                    l.spent(), l.executionPercent()));
        }
        rows.add(row("TOTAL", "", "", "", "", "", "", null, e.physicalProgress(), null, e.budget(), e.spent(),
                org.poahub.hub.consolidation.ProgressMath.percent(e.spent(), e.budget())));
        return rows;
    }

    /** A table row: text columns made safe, numbers kept as numbers, null as an empty cell. */
    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof String s ? SafeText.of(s) : cell == null ? "" : cell);
        }
        return row;
    }

    /** Amounts as {@code 1234.50}, never in exponent notation. */
    private static List<Object> plain(List<Object> row) {
        return row.stream().map(v -> v instanceof BigDecimal d ? (Object) d.toPlainString() : v).toList();
    }

    private static String text(String value) {
        return SafeText.of(value);
    }

    private static void cells(SheetWriter writer, Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof BigDecimal amount) {
                writer.number(row, i, amount);
            } else if (value instanceof Integer n) {
                row.createCell(i).setCellValue(n);
            } else if (value != null && !value.toString().isEmpty()) {
                SheetWriter.text(row, i, value.toString());
            }
        }
    }
}
