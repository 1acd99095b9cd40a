package org.poahub.agent.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.poahub.agent.store.StoredReport;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;

/** Cells as Excel stores them (numbers, numbers as text, formatted dates, formulas) become exact report values. */
class XlsxImportTest extends ImportFixture {

    static final List<String> HEADER = ReportImporter.COLUMNS;
    static final int MONTO = HEADER.indexOf("monto");
    static final int FECHA_GASTO = HEADER.indexOf("fecha_gasto");

    /** A workbook with the template header and one expenditure row per writer; each writer sets monto/fecha. */
    @SafeVarargs
    final Path workbook(String name, Consumer<Row>... expenditureRows) throws IOException {
        return workbookWithHeader(name, sheet -> {
            for (int i = 0; i < expenditureRows.length; i++) {
                expenditureRows[i].accept(expenditureRow(sheet, i + 1, "C-" + i));
            }
            sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    /** Writes {@code name}: sheet "informes" with the template header on row 0, then what {@code rows} adds. */
    Path workbookWithHeader(String name, Consumer<XSSFSheet> rows) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("informes");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            rows.accept(sheet);
            workbook.write(out);
        }
        return file;
    }

    /** Row {@code index}: an expenditure on 11.04.02, object 25220, with {@code voucher}; no monto, no fecha yet. */
    static Row expenditureRow(Sheet sheet, int index, String voucher) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue("gasto");
        row.createCell(1).setCellValue(2020);
        row.createCell(2).setCellValue("11.04.02");
        row.createCell(HEADER.indexOf("partida")).setCellValue("25220");
        row.createCell(HEADER.indexOf("comprobante")).setCellValue(voucher);
        return row;
    }

    static CellStyle style(Row row, String format) {
        var workbook = row.getSheet().getWorkbook();
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    static void amount(Row row, double value, String format) {
        Cell cell = row.createCell(MONTO);
        cell.setCellValue(value);
        if (format != null) {
            cell.setCellStyle(style(row, format));
        }
    }

    static void date(Row row, LocalDate value, String format) {
        Cell cell = row.createCell(FECHA_GASTO);
        cell.setCellValue(value);
        cell.setCellStyle(style(row, format));
    }

    List<BigDecimal> importedAmounts(Path file) throws IOException {
        ReportImporter.Result result = importer.importFile(file);
        assertThat(result.errors()).isEmpty();
        return store.list(null, 0).stream().map(StoredReport::value).toList();
    }

    List<LocalDate> storedSpendDates() {
        return store.list(null, 0).stream()
                .map(r -> (ExpenditureReport) store.record(r.messageId()).orElseThrow())
                .map(ExpenditureReport::getSpentOn).toList();
    }

    @Test
    void numericCellsKeepTheirExactDecimalValueWhateverTheDisplayFormat() throws IOException {
        Path file = workbook("montos.xlsx",
                r -> { amount(r, 1234.56, null); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); },
                r -> { amount(r, 1234.56, "#,##0.00"); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); },
                r -> { amount(r, 1234.56, "0"); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); },
                // 0.1 + 0.2 is stored as 0.30000000000000004: Excel shows 0.3, and so must the report
                r -> { amount(r, 0.1 + 0.2, null); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); },
                r -> { amount(r, 98765.43, "#,##0.00 \"Bs\""); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); },
                r -> { amount(r, 0.05, "0%"); date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd"); });

        assertThat(importedAmounts(file)).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("1234.56"), new BigDecimal("1234.56"),
                new BigDecimal("1234.56"), new BigDecimal("0.3"), new BigDecimal("98765.43"),
                new BigDecimal("0.05"));
    }

    @Test
    void numbersAndDatesStoredAsTextAreParsedLikeTheCsv() throws IOException {
        Path file = workbook("texto.xlsx",
                r -> { r.createCell(MONTO).setCellValue("1234.56"); r.createCell(FECHA_GASTO).setCellValue("15/03/2020"); },
                r -> { r.createCell(MONTO).setCellValue("1250,50"); r.createCell(FECHA_GASTO).setCellValue("2020-03-16"); },
                r -> { r.createCell(MONTO).setCellValue(" 75.10 "); r.createCell(FECHA_GASTO).setCellValue("1/4/2020"); },
                r -> { r.createCell(MONTO).setCellValue("1.234,56"); r.createCell(FECHA_GASTO).setCellValue("2/4/2020"); },
                r -> { r.createCell(MONTO).setCellValue("1,234.56"); r.createCell(FECHA_GASTO).setCellValue("3/4/2020"); });

        assertThat(importedAmounts(file)).usingElementComparator(BigDecimal::compareTo).containsExactly(
                new BigDecimal("1234.56"), new BigDecimal("1250.50"), new BigDecimal("75.10"),
                new BigDecimal("1234.56"), new BigDecimal("1234.56"));
        assertThat(storedSpendDates()).containsExactly(LocalDate.of(2020, 3, 15), LocalDate.of(2020, 3, 16),
                LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 2), LocalDate.of(2020, 4, 3));
    }

    @Test
    void formattedDatesBecomeTheirCalendarDay() throws IOException {
        Path file = workbook("fechas.xlsx",
                r -> { amount(r, 10, null); date(r, LocalDate.of(2020, 3, 15), "dd/mm/yyyy"); },
                r -> { amount(r, 10, null); date(r, LocalDate.of(2020, 3, 16), "d \"de\" mmmm \"de\" yyyy"); },
                // built-in format 14 (the short date Excel applies when a date is typed)
                r -> { amount(r, 10, null); date(r, LocalDate.of(2020, 3, 17), "m/d/yy"); },
                r -> {
                    amount(r, 10, null);
                    Cell cell = r.createCell(FECHA_GASTO);
                    cell.setCellValue(LocalDate.of(2020, 3, 18).atTime(16, 45));
                    cell.setCellStyle(style(r, "dd/mm/yyyy hh:mm"));
                });

        assertThat(importedAmounts(file)).hasSize(4);
        assertThat(storedSpendDates()).containsExactly(LocalDate.of(2020, 3, 15), LocalDate.of(2020, 3, 16),
                LocalDate.of(2020, 3, 17), LocalDate.of(2020, 3, 18));
    }

    @Test
    void datesOfAWorkbookCountingFrom1904AreTheSameDays() throws IOException {
        Path file = workbookWithHeader("mac.xlsx", sheet -> {
            // Set before any date cell is written: POI turns a date into a day number by the workbook's epoch.
            var ctWorkbook = sheet.getWorkbook().getCTWorkbook();
            var workbookPr = ctWorkbook.isSetWorkbookPr() ? ctWorkbook.getWorkbookPr() : ctWorkbook.addNewWorkbookPr();
            workbookPr.setDate1904(true);
            Row row = expenditureRow(sheet, 1, "C-1");
            amount(row, 10, null);
            date(row, LocalDate.of(2020, 3, 15), "dd/mm/yyyy");
        });

        assertThat(importedAmounts(file)).hasSize(1);
        assertThat(storedSpendDates()).containsExactly(LocalDate.of(2020, 3, 15));
    }

    @Test
    void formulaCellsGiveTheirResult() throws IOException {
        Path file = workbook("formulas.xlsx",
                r -> {
                    r.createCell(MONTO).setCellFormula("1000.10+234.46");
                    date(r, LocalDate.of(2020, 3, 15), "yyyy-mm-dd");
                },
                r -> {
                    amount(r, 5, null);
                    r.createCell(FECHA_GASTO).setCellFormula("DATE(2020,3,20)");
                    r.getCell(FECHA_GASTO).setCellStyle(style(r, "dd/mm/yyyy"));
                });

        assertThat(importedAmounts(file)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1234.56"), new BigDecimal("5"));
        assertThat(storedSpendDates()).containsExactly(LocalDate.of(2020, 3, 15), LocalDate.of(2020, 3, 20));
    }

    @Test
    void aBadCellNamesItsExcelRowAndColumnAndNothingIsImported() throws IOException {
        Path file = workbookWithHeader("huecos.xlsx", sheet -> {
            // a good progress row 2, rows 3-5 left empty, a bad one on row 6, a good one on row 7
            List<Integer> rows = List.of(1, 5, 6);
            for (int r : rows) {
                Row row = sheet.createRow(r);
                String[] values = {"avance", "2020", "11.04.02", "2020-03-01", "2020-03-31", r == 5 ? "mucho" : "3"};
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
                row.createCell(HEADER.indexOf("responsable")).setCellValue("Ana");
            }
        });

        ReportImporter.Result result = importer.importAndMove(file);

        assertThat(result.errors()).extracting(ImportError::line)
                .containsExactly("Fila 6, columna 'valor_alcanzado': 'mucho' no es un número (escriba p. ej. "
                        + "1250,50, 1.250,50 o 1,250.50)");
        assertThat(store.countAll()).isZero();
        assertThat(Files.readString(result.errorFile(), StandardCharsets.UTF_8))
                .contains("Fila 6, columna 'valor_alcanzado'");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedInSpanish() throws IOException {
        Path file = Files.writeString(dir.resolve("falso.xlsx"), "tipo;gestion\navance;2020\n");

        ReportImporter.Result result = importer.importFile(file);

        assertThat(result.errors()).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo("Archivo: el archivo no es un libro Excel .xlsx legible "
                        + "(si es un .xls antiguo, ábralo en Excel y guárdelo como .xlsx)"));
        assertThat(result.technicalDetail()).as("the parser's own words stay apart").isNotBlank();
        assertThat(store.countAll()).isZero();
    }

    @Test
    void progressValuesAreExactToo() throws IOException {
        Path file = workbookWithHeader("avance.xlsx", sheet -> {
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("avance");
            row.createCell(1).setCellValue(2020);
            row.createCell(2).setCellValue("11.04.02");
            row.createCell(3).setCellValue(LocalDate.of(2020, 3, 1));
            row.getCell(3).setCellStyle(style(row, "dd/mm/yyyy"));
            row.createCell(4).setCellValue(LocalDate.of(2020, 3, 31));
            row.getCell(4).setCellStyle(style(row, "dd/mm/yyyy"));
            row.createCell(5).setCellValue(2.1 * 3); // stored as 6.300000000000001
            row.createCell(6).setCellValue(33.33);
            row.createCell(HEADER.indexOf("responsable")).setCellValue("Ana");
        });

        assertThat(importedAmounts(file)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6.3"));
        ProgressReport report = (ProgressReport) store.record(store.list(null, 0).get(0).messageId()).orElseThrow();
        assertThat(report.getPercentComplete()).isEqualByComparingTo("33.33");
        assertThat(report.getPeriodStart()).isEqualTo(LocalDate.of(2020, 3, 1));
    }
}
