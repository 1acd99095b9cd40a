package org.poahub.agent.dropfolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poahub.agent.store.StoredReport;
import org.poahub.contract.ExpenditureReport;
import org.poahub.tables.NumberStyle;
import org.poahub.tables.TableCases;
import org.poahub.tables.TableLimits;
import org.poahub.tables.TableOptions;
import org.poahub.tables.Workbooks;

/**
 * The reading layer's shared cases ({@link TableCases}) through the agent's import: an expenditure's {@code monto}
 * and {@code fecha_gasto}, and the files. The hub's plan import runs the same cases (SharedTableCasesPlanTest) and
 * must give the same values and refusals.
 */
class SharedTableCasesTest extends ImportFixture {

    static final String HEADER = String.join(";", ReportImporter.COLUMNS);

    static String expenditure(String amount, String date, String description) {
        return "gasto;2020;11.04.02;;;;;;;;25220;Columna 1;" + TableCases.quoted(amount) + ";" + date + ";CBTE-1;"
                + TableCases.quoted(description);
    }

    static Stream<TableCases.NumberCase> numbers() {
        return TableCases.NUMBERS.stream();
    }

    static Stream<TableCases.DateCase> dates() {
        return TableCases.DATES.stream();
    }

    ReportImporter.Result importCsv(byte[] content, TableOptions options) throws IOException {
        Path file = Files.write(dir.resolve("informe.csv"), content);
        return importer.with(options).importFile(file);
    }

    ReportImporter.Result importCsv(String content, TableOptions options) throws IOException {
        return importCsv(content.getBytes(StandardCharsets.UTF_8), options);
    }

    ExpenditureReport onlyReport() {
        List<StoredReport> stored = store.list(null, 0);
        assertThat(stored).hasSize(1);
        return (ExpenditureReport) store.record(stored.get(0).messageId()).orElseThrow();
    }

    static TableOptions declared(String format) {
        return TableOptions.defaults().withNumbers(NumberStyle.declared(format));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void amounts(TableCases.NumberCase c) throws IOException {
        ReportImporter.Result result = importCsv(HEADER + "\n" + expenditure(c.text(), "2020-03-15", "x") + "\n",
                declared(c.declared()));
        if (c.value() != null) {
            assertThat(result.errors()).isEmpty();
            assertThat(onlyReport().getAmount()).isEqualByComparingTo(c.value());
        } else {
            assertThat(result.errors()).extracting(ImportError::line)
                    .containsExactly("Fila 2, columna 'monto': " + c.refusal());
            assertThat(store.countAll()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void dates(TableCases.DateCase c) throws IOException {
        ReportImporter.Result result = importCsv(HEADER + "\n" + expenditure("10", c.text(), "x") + "\n",
                TableOptions.defaults());
        if (c.value() != null) {
            assertThat(result.errors()).isEmpty();
            assertThat(onlyReport().getSpentOn()).isEqualTo(c.value());
        } else {
            assertThat(result.errors()).extracting(ImportError::line)
                    .containsExactly("Fila 2, columna 'fecha_gasto': " + c.refusal());
        }
    }

    @Test
    void twelvePointFiveHundredIsRefusedUnlessEsBoIsDeclaredThenItIsTwelveThousandFiveHundred() throws IOException {
        String file = HEADER + "\n" + expenditure("12.500", "2020-03-15", "x") + "\n";
        assertThat(importCsv(file, TableOptions.defaults()).errors()).extracting(ImportError::line).containsExactly(
                "Fila 2, columna 'monto': '12.500' es ambiguo: puede ser 12500 (punto como separador de miles) o 12.5 "
                        + "(punto decimal); declare el formato de números (es-BO: 1.234,56; en-US: 1,234.56) o "
                        + "escriba el número sin separador de miles");
        assertThat(importCsv(file, declared("es-BO")).errors()).isEmpty();
        assertThat(onlyReport().getAmount()).hasToString("12500.00");
    }

    @Test
    void aQuotedLineBreakStaysInItsCellAndTheFollowingRowsKeepTheirNumbers() throws IOException {
        ReportImporter.Result result = importCsv(HEADER + "\r\n" + expenditure("10", "2020-03-15",
                TableCases.MULTILINE_TEXT) + "\r\n" + expenditure("mal", "2020-03-15", "x") + "\r\n",
                TableOptions.defaults());
        assertThat(result.errors()).extracting(ImportError::line).singleElement().asString()
                .startsWith("Fila 3, columna 'monto': 'mal' no es un número");
        ReportImporter.Result good = importCsv(HEADER + "\r\n" + expenditure("10", "2020-03-15",
                TableCases.MULTILINE_TEXT) + "\r\n", TableOptions.defaults());
        assertThat(good.errors()).isEmpty();
        assertThat(onlyReport().getDescription()).isEqualTo(TableCases.MULTILINE_TEXT);
    }

    @Test
    void aByteOrderMarkAndWindows1252AreRead() throws IOException {
        String file = HEADER + "\n" + expenditure("10", "2020-03-15", TableCases.ACCENTED_TEXT) + "\n";
        assertThat(importCsv(TableCases.withBom(file), TableOptions.defaults()).errors()).isEmpty();
        assertThat(onlyReport().getDescription()).isEqualTo(TableCases.ACCENTED_TEXT);
        store.close();
        open();
        assertThat(importCsv(file.getBytes(TableOptions.WINDOWS_1252), TableOptions.defaults()).errors()).isEmpty();
    }

    @Test
    void windows1252TextArrivesIntact() throws IOException {
        String file = HEADER + "\n" + expenditure("10", "2020-03-15", TableCases.ACCENTED_TEXT) + "\n";
        assertThat(importCsv(file.getBytes(TableOptions.WINDOWS_1252), TableOptions.defaults()).errors()).isEmpty();
        assertThat(onlyReport().getDescription()).isEqualTo(TableCases.ACCENTED_TEXT);
    }

    @Test
    void headersMatchWithAccentsAndCapitals() throws IOException {
        String header = HEADER.replace("tipo;gestion;operacion", "TIPO;Gestión;Operación")
                .replace("fecha_gasto", "Fecha_Gasto");
        ReportImporter.Result result = importCsv(header + "\n" + expenditure("10", "15/03/20", "x") + "\n",
                TableOptions.defaults());
        assertThat(result.errors()).isEmpty();
        assertThat(onlyReport().getSpentOn()).isEqualTo(LocalDate.of(2020, 3, 15));
    }

    @Test
    void limits() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 3; i++) {
            lines.add(expenditure("10", "2020-03-15", "x"));
        }
        TableOptions rows = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxRows(3));
        assertThat(importCsv(String.join("\n", lines), rows).errors()).extracting(ImportError::line)
                .containsExactly("Archivo: " + TableCases.tooManyRows(3));

        TableOptions cells = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxCellLength(50));
        assertThat(importCsv(HEADER + "\n" + expenditure("10", "2020-03-15", "x".repeat(51)), cells).errors())
                .extracting(ImportError::line).containsExactly("Fila 2, columna 'columna P': "
                        + TableCases.cellTooLong(51, 50));

        Path bomb = Files.write(dir.resolve("bomba.xlsx"), Workbooks.zipBomb(8 * 1024 * 1024));
        assertThat(importer.importFile(bomb).errors()).extracting(ImportError::line)
                .containsExactly("Archivo: " + TableCases.ZIP_BOMB);
        assertThat(store.countAll()).isZero();
    }
}
