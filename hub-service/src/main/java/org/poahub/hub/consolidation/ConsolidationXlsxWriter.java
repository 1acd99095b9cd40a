package org.poahub.hub.consolidation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.Money;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.Progress;
import org.poahub.hub.consolidation.Consolidation.RegionExpenditure;
import org.poahub.hub.consolidation.Consolidation.RegionFigures;

/**
 * The consolidated figures as a workbook for central staff: sheet "Avance" (entity → objective → action → operation
 * → region, one row each), "Gasto" (object group × funding column, national and per region) and "Alertas". Headers
 * in Spanish; figures as numeric cells (amounts with 2 decimals), codes as text.
 */
final class ConsolidationXlsxWriter {

    static final List<String> PROGRESS_HEADERS = List.of("Nivel", "Código", "Nombre", "Región", "Ponderación", "Meta",
            "Valor acumulado", "Avance físico (%)", "Avance programado (%)", "Desviación (puntos)", "Estado",
            "Presupuesto (Bs)", "Ejecutado (Bs)", "Ejecución (%)");
    static final List<String> SPEND_HEADERS = List.of("Ámbito", "Grupo", "Nombre del grupo", "Fuente",
            "Presupuesto (Bs)", "Ejecutado (Bs)", "Ejecución (%)");
    static final List<String> ALERT_HEADERS = List.of("Código", "Operación", "Grupo", "Fuente", "Mensaje");

    private final XSSFWorkbook workbook;
    private final CellStyle number;
    private final CellStyle header;

    private ConsolidationXlsxWriter(XSSFWorkbook workbook) {
        this.workbook = workbook;
        number = workbook.createCellStyle();
        number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    static byte[] write(Consolidation c) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            return new ConsolidationXlsxWriter(workbook).workbookOf(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] workbookOf(Consolidation c) {
        Sheet progress = sheet("Avance", PROGRESS_HEADERS);
        progress(progress, "Entidad", c.entityCode(), c.entityAcronym() + " — POA " + c.fiscalYear() + " al "
                + c.asOf().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), null, null, null, null, c.progress(),
                c.money());
        for (ObjectiveFigures o : c.objectives()) {
            progress(progress, "Objetivo", o.code(), o.name(), null, null, null, null, o.progress(), o.money());
            for (ActionFigures a : o.actions()) {
                progress(progress, "Acción", a.code(), a.name(), null, BigDecimal.valueOf(a.weight()), null, null,
                        a.progress(), a.money());
                for (OperationFigures op : a.operations()) {
                    progress(progress, "Operación", op.code(), op.name(), null, null, op.targetValue(),
                            op.cumulativeValue(), op.progress(), op.money());
                    for (RegionFigures r : op.regions()) {
                        Row row = progress.createRow(progress.getLastRowNum() + 1);
                        text(row, 0, "Región");
                        text(row, 1, op.code());
                        text(row, 2, op.name());
                        text(row, 3, r.regionName() != null ? r.regionName() : r.regionCode());
                        number(row, 6, r.cumulativeValue());
                        number(row, 7, r.physicalProgress());
                        number(row, 12, r.spent());
                    }
                }
            }
        }
        Sheet spend = sheet("Gasto", SPEND_HEADERS);
        for (ExpenditureLine l : c.expenditure()) {
            spendRow(spend, "Nacional", l);
        }
        for (RegionExpenditure r : c.regionalExpenditure()) {
            for (ExpenditureLine l : r.lines()) {
                spendRow(spend, r.regionName() != null ? r.regionName() : r.regionCode(), l);
            }
        }
        Sheet alerts = sheet("Alertas", ALERT_HEADERS);
        for (Alert a : c.alerts()) {
            Row row = alerts.createRow(alerts.getLastRowNum() + 1);
            text(row, 0, a.code());
            text(row, 1, a.operationCode());
            text(row, 2, a.objectGroup());
            text(row, 3, a.fundingSource());
            text(row, 4, a.message());
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sheet sheet(String name, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellStyle(header);
            cell.setCellValue(headers.get(i));
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private void progress(Sheet sheet, String level, String code, String name, String region, BigDecimal weight,
                          BigDecimal target, BigDecimal cumulative, Progress p, Money m) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        text(row, 0, level);
        text(row, 1, code);
        text(row, 2, name);
        text(row, 3, region);
        number(row, 4, weight);
        number(row, 5, target);
        number(row, 6, cumulative);
        number(row, 7, p.physicalProgress());
        number(row, 8, p.plannedProgress());
        number(row, 9, p.variance());
        text(row, 10, p.statusLabel());
        number(row, 11, m.budget());
        number(row, 12, m.spent());
        number(row, 13, m.executionPercent());
    }

    private void spendRow(Sheet sheet, String scope, ExpenditureLine l) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        text(row, 0, scope);
        text(row, 1, l.objectGroup());
        text(row, 2, l.groupName());
        text(row, 3, l.fundingSource());
        number(row, 4, l.budget());
        number(row, 5, l.spent());
        number(row, 6, l.executionPercent());
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** Excel keeps numbers as doubles; amounts of up to 13 digits with 2 decimals survive that unchanged. */
    private void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(number);
            cell.setCellValue(value.doubleValue());
        }
    }
}
