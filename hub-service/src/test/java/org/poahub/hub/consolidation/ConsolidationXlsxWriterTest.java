package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;

class ConsolidationXlsxWriterTest {

    private final Consolidation worked = new ConsolidationCalculator(RegionCatalogue.loadDefault(),
            ObjectOfExpenditureClassifier.loadDefault(), ConsolidationProperties.DEFAULTS)
            .consolidate(SenavexPlan.PLAN, 1, ConsolidationCalculatorTest.WORKED_EXAMPLE, LocalDate.of(2020, 6, 30));

    @Test
    void theDrillDownSheetHasSpanishHeadersAndNumericCells() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ConsolidationXlsxWriter.write(worked)))) {
            Sheet progress = book.getSheet("Avance");
            assertThat(progress.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Avance físico (%)");
            Row entity = progress.getRow(1);
            assertThat(entity.getCell(0).getStringCellValue()).isEqualTo("Entidad");
            assertThat(entity.getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(entity.getCell(11).getNumericCellValue()).isEqualTo(11320195.00);
            assertThat(entity.getCell(8).getNumericCellValue()).isEqualTo(55.61);
            assertThat(entity.getCell(10).getStringCellValue()).isEqualTo("Retrasada");
            Row operation = find(progress, "Operación", "11.04.02");
            assertThat(operation.getCell(7).getNumericCellValue()).isEqualTo(50.00);
            assertThat(operation.getCell(12).getNumericCellValue()).isEqualTo(245000.00);
            Row laPaz = progress.getRow(operation.getRowNum() + 2);
            assertThat(laPaz.getCell(0).getStringCellValue()).isEqualTo("Región");
            assertThat(laPaz.getCell(3).getStringCellValue()).isEqualTo("La Paz");
            assertThat(laPaz.getCell(12).getNumericCellValue()).isEqualTo(220000.00);
        }
    }

    @Test
    void expenditureAndAlertsHaveTheirOwnSheets() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ConsolidationXlsxWriter.write(worked)))) {
            assertThat(book.getSheet("Gasto").getRow(0).getCell(4).getStringCellValue()).isEqualTo("Presupuesto (Bs)");
            // the worked example's 25 alerts (docs/consolidation.md), one row each under the title row
            assertThat(worked.alerts()).hasSize(25);
            assertThat(book.getSheet("Alertas").getLastRowNum()).isEqualTo(25);
        }
    }

    private static Row find(Sheet sheet, String level, String code) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(level) && row.getCell(1).getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(level + " " + code + " not in sheet");
    }
}
