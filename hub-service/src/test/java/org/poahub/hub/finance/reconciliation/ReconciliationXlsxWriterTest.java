package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Adjustment;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.ExtractRef;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;

/** The workbook without Spring: sheet order, Spanish labels, numeric amounts and totals that add up. */
class ReconciliationXlsxWriterTest {

    @Test
    void linesVouchersAndSummaryWithTotalsThatAddUp() throws IOException {
        List<Line> lines = List.of(
                line("", "11-0000-004", "BO-L", "98500.00", "92500.00", "6.09", "DIFERENCIA"),
                line("", "11-0000-005", "", "987800.00", "0.00", "100.00", "SOLO_EN_SIGEP"),
                line("04.01.01", "12-0000-001", "BO-S", "0.00", "5000.01", null, "SOLO_EN_REGIONALES"));
        List<Finding> findings = List.of(new Finding(1, "DIFERENCIA_IMPORTE", "120", "BO-L", UUID.randomUUID(),
                new BigDecimal("10300.00"), new BigDecimal("12300.00"), LocalDate.of(2020, 3, 15),
                LocalDate.of(2020, 3, 15), "SIGEP Bs 10300.00, regional Bs 12300.00 (diferencia Bs -2000.00)"));
        ExtractRef execution = new ExtractRef(7, "EJECUCION", LocalDate.of(2020, 6, 30), 2,
                Instant.parse("2020-07-01T14:00:00Z"));
        ReconciliationSummary summary = ReconciliationSummary.of(ReconciliationSummaryTest.RUN, execution, null, null,
                lines, List.of(new Adjustment(13, "1", "1", "12", new BigDecimal("0.50"))), findings);

        byte[] bytes = ReconciliationXlsxWriter.write(summary, lines, findings);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Líneas");
            assertThat(workbook.getSheetName(1)).isEqualTo("Comprobantes");
            assertThat(workbook.getSheetName(2)).isEqualTo("Resumen");
            Sheet sheet = workbook.getSheet("Líneas");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Categoría programática");
            assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("Diferencia");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("Nacional / sin mapeo");
            assertThat(sheet.getRow(3).getCell(11)).as("no percentage without SIGEP").isNull();
            assertThat(sheet.getRow(1).getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
            Row total = sheet.getRow(4);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total (3 líneas)");
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(1086300.00);
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(97500.01);
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(988799.99);

            Row finding = workbook.getSheet("Comprobantes").getRow(1);
            assertThat(finding.getCell(2).getStringCellValue()).isEqualTo("Diferencia de importe");
            assertThat(finding.getCell(5).getNumericCellValue()).isEqualTo(10300.00);
            assertThat(finding.getCell(7).getStringCellValue()).isEqualTo("15/03/2020");

            Sheet resumen = workbook.getSheet("Resumen");
            assertThat(value(resumen, "Extracto de ejecución")).isEqualTo("N° 7, versión 2, cargado el 01/07/2020 10:00");
            assertThat(value(resumen, "Extracto de comprobantes")).isEqualTo("ninguno");
            assertThat(value(resumen, "Ámbito")).isEqualTo("Nacional");
        }
    }

    @Test
    void theToleranceIsBolivianosWithAtMostTwoDecimals() {
        assertThat(new ReconciliationProperties(new BigDecimal("0.5"), Duration.ofMinutes(5)).tolerance())
                .isEqualTo(new BigDecimal("0.50"));
        assertThatThrownBy(() -> new ReconciliationProperties(new BigDecimal("0.005"), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> new ReconciliationProperties(new BigDecimal("-1"), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String value(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals(label)) {
                return row.getCell(1).getStringCellValue();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static Line line(String operation, String category, String region, String sigep, String regional,
            String percent, String status) {
        BigDecimal s = new BigDecimal(sigep);
        BigDecimal r = new BigDecimal(regional);
        return new Line(category, operation, List.of("04.01.01"), "11700", "Columna 1", region, "11", "0000", "004",
                "20", "230", s, r, s.subtract(r), percent == null ? null : new BigDecimal(percent), status);
    }
}
