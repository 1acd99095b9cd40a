package org.poahub.hub.consolidation;

import static org.poahub.hub.spreadsheet.SheetWriter.text;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.Money;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.Progress;
import org.poahub.hub.consolidation.Consolidation.RegionExpenditure;
import org.poahub.hub.consolidation.Consolidation.RegionFigures;
import org.poahub.hub.spreadsheet.SheetWriter;

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

    private final SheetWriter cells;

    private ConsolidationXlsxWriter(SheetWriter cells) {
        this.cells = cells;
    }

    static byte[] write(Consolidation c) {
        try (SheetWriter cells = new SheetWriter()) {
            return new ConsolidationXlsxWriter(cells).workbookOf(c);
        }
    }

    private byte[] workbookOf(Consolidation c) {
        Sheet progress = cells.sheet("Avance", PROGRESS_HEADERS);
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
                        cells.number(row, 6, r.cumulativeValue());
                        cells.number(row, 7, r.physicalProgress());
                        cells.number(row, 12, r.spent());
                    }
                }
            }
        }
        Sheet spend = cells.sheet("Gasto", SPEND_HEADERS);
        for (ExpenditureLine l : c.expenditure()) {
            spendRow(spend, "Nacional", l);
        }
        for (RegionExpenditure r : c.regionalExpenditure()) {
            for (ExpenditureLine l : r.lines()) {
                spendRow(spend, r.regionName() != null ? r.regionName() : r.regionCode(), l);
            }
        }
        Sheet alerts = cells.sheet("Alertas", ALERT_HEADERS);
        for (Alert a : c.alerts()) {
            Row row = alerts.createRow(alerts.getLastRowNum() + 1);
            text(row, 0, a.code());
            text(row, 1, a.operationCode());
            text(row, 2, a.objectGroup());
            text(row, 3, a.fundingSource());
            text(row, 4, a.message());
        }
        return cells.bytes();
    }

    private void progress(Sheet sheet, String level, String code, String name, String region, BigDecimal weight,
                          BigDecimal target, BigDecimal cumulative, Progress p, Money m) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        text(row, 0, level);
        text(row, 1, code);
        text(row, 2, name);
        text(row, 3, region);
        cells.number(row, 4, weight);
        cells.number(row, 5, target);
        cells.number(row, 6, cumulative);
        cells.number(row, 7, p.physicalProgress());
        cells.number(row, 8, p.plannedProgress());
        cells.number(row, 9, p.variance());
        text(row, 10, p.statusLabel());
        cells.number(row, 11, m.budget());
        cells.number(row, 12, m.spent());
        cells.number(row, 13, m.executionPercent());
    }

    private void spendRow(Sheet sheet, String scope, ExpenditureLine l) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        text(row, 0, scope);
        text(row, 1, l.objectGroup());
        text(row, 2, l.groupName());
        text(row, 3, l.fundingSource());
        cells.number(row, 4, l.budget());
        cells.number(row, 5, l.spent());
        cells.number(row, 6, l.executionPercent());
    }

}
