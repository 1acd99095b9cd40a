package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poahub.plan.Plan;
import org.poahub.tables.TableCases;
import org.poahub.tables.TableLimits;
import org.poahub.tables.TableOptions;
import org.poahub.tables.Workbooks;

/**
 * The reading layer's shared cases ({@link TableCases}) through the plan import: a budget line's amount, an
 * operation's start date, and the files. The agent's import runs the same cases (SharedTableCasesTest in
 * regional-agent) and must give the same values and refusals.
 */
class SharedTableCasesPlanTest {

    /** Row 3 may declare the number format; the PARTIDA row is row 8 (row 7 is blank) either way. */
    static String plan(String declared, String start, String amount, String resultText) {
        return "Gestión;2020\n"
                + "Código de entidad;41\n"
                + (declared.isEmpty() ? "Nota;sin formato declarado\n" : "Formato de números;" + declared + "\n")
                + "Tipo;Código;Nombre;Peso;Resultado esperado;Indicador;Meta;Tipo de meta;Medio de verificación;Inicio;"
                + "Fin;Unidad responsable;Partida;Región;% meta;% presupuesto;Columna 1\n"
                + "ACCION;04.01;ACCIÓN UNO;100\n"
                + "OPERACION;04.01.01;OPERACIÓN UNO;;" + TableCases.quoted(resultText) + ";INDICADOR;;NINGUNA;INFORMES;"
                + start + ";31/12/2020;SENAVEX\n"
                + "\n"
                + "PARTIDA;04.01.01;;;;;;;;;;;20000;;;;" + TableCases.quoted(amount) + "\n";
    }

    static Plan parse(byte[] csv, TableOptions options) {
        return ShippedPlans.parser().parse(CsvPlanReader.read(csv, options));
    }

    static Plan parse(String csv) {
        return parse(csv.getBytes(StandardCharsets.UTF_8), TableOptions.defaults());
    }

    static List<String> errors(Runnable read) {
        PlanImportException e = catchThrowableOfType(PlanImportException.class, read::run);
        assertThat(e).as("the file must be refused").isNotNull();
        return e.errors().stream().map(ImportError::text).toList();
    }

    static Stream<TableCases.NumberCase> numbers() {
        return TableCases.NUMBERS.stream();
    }

    static Stream<TableCases.DateCase> dates() {
        return TableCases.DATES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void amounts(TableCases.NumberCase c) {
        String csv = plan(c.declared(), "02/01/2020", c.text(), "x");
        if (c.value() != null) {
            assertThat(parse(csv).grandTotal()).isEqualByComparingTo(c.value());
        } else {
            assertThat(errors(() -> parse(csv))).containsExactly("Fila 8, columna 'Columna 1': " + c.refusal());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void startDates(TableCases.DateCase c) {
        String csv = plan("", c.text(), "10", "x");
        if (c.value() != null) {
            assertThat(parse(csv).operation("04.01.01").orElseThrow().start()).isEqualTo(c.value());
        } else {
            assertThat(errors(() -> parse(csv))).containsExactly("Fila 6, columna 'Inicio': " + c.refusal());
        }
    }

    @Test
    void twelvePointFiveHundredIsRefusedUnlessEsBoIsDeclared() {
        assertThat(errors(() -> parse(plan("", "02/01/2020", "12.500", "x")))).containsExactly(
                "Fila 8, columna 'Columna 1': '12.500' es ambiguo: puede ser 12500 (punto como separador de miles) o "
                        + "12.5 (punto decimal); declare el formato de números (es-BO: 1.234,56; en-US: 1,234.56) o "
                        + "escriba el número sin separador de miles");
        assertThat(parse(plan("es-BO", "02/01/2020", "12.500", "x")).grandTotal()).hasToString("12500.00");
    }

    @Test
    void aQuotedLineBreakStaysInItsCellAndTheRowsKeepTheirNumbers() {
        Plan plan = parse(plan("", "02/01/2020", "10", TableCases.MULTILINE_TEXT));
        assertThat(plan.operation("04.01.01").orElseThrow().expectedResult()).isEqualTo(TableCases.MULTILINE_TEXT);
        assertThat(errors(() -> parse(plan("", "02/01/2020", "mal", TableCases.MULTILINE_TEXT)))).singleElement()
                .asString().startsWith("Fila 8, columna 'Columna 1': 'mal' no es un número");
    }

    @Test
    void aByteOrderMarkAndWindows1252AreRead() {
        String csv = plan("", "02/01/2020", "10", TableCases.ACCENTED_TEXT);
        assertThat(parse(TableCases.withBom(csv), TableOptions.defaults()).operation("04.01.01").orElseThrow()
                .expectedResult()).isEqualTo(TableCases.ACCENTED_TEXT);
        assertThat(parse(csv.getBytes(TableOptions.WINDOWS_1252), TableOptions.defaults()).operation("04.01.01")
                .orElseThrow().expectedResult()).isEqualTo(TableCases.ACCENTED_TEXT);
    }

    @Test
    void headersMatchWithOrWithoutAccentsAndCase() {
        String csv = plan("", "15/03/20", "10", "x").replace("Gestión;", "GESTION;").replace(";Código;", ";codigo;")
                .replace(";Región;", ";region;");
        assertThat(parse(csv).operation("04.01.01").orElseThrow().start()).isEqualTo(LocalDate.of(2020, 3, 15));
    }

    @Test
    void limits() {
        List<String> lines = new ArrayList<>(List.of(plan("", "02/01/2020", "10", "x").split("\n")));
        byte[] csv = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        TableOptions rows = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxRows(3));
        assertThat(errors(() -> parse(csv, rows))).containsExactly("Archivo: " + TableCases.tooManyRows(3));

        TableOptions cells = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxCellLength(50));
        byte[] longCell = plan("", "02/01/2020", "10", "x".repeat(51)).getBytes(StandardCharsets.UTF_8);
        assertThat(errors(() -> parse(longCell, cells))).containsExactly("Fila 6, columna 'columna E': "
                + TableCases.cellTooLong(51, 50));

        assertThat(errors(() -> XlsxPlanReader.read(Workbooks.zipBomb(8 * 1024 * 1024))))
                .containsExactly("Archivo: " + TableCases.ZIP_BOMB);
        TableOptions small = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxFileBytes(100));
        assertThat(errors(() -> parse(csv, small))).containsExactly("Archivo: " + TableCases.fileTooLarge(
                csv.length + " bytes", "100 bytes"));
    }

    @Test
    void excelTypedCellsReadLikeTheirText() {
        byte[] xlsx = Workbooks.xlsx(false, List.of(
                List.of("Gestión", 2020.0),
                List.of("Código de entidad", "41"),
                List.of("Tipo", "Código", "Nombre", "Peso", "Resultado esperado", "Indicador", "Meta", "Tipo de meta",
                        "Medio de verificación", "Inicio", "Fin", "Unidad responsable", "Partida", "Región", "% meta",
                        "% presupuesto", "Columna 1"),
                List.of("ACCION", "04.01", "ACCIÓN UNO", 100.0),
                List.of("OPERACION", "04.01.01", "OPERACIÓN UNO", "", "R", "I", "", "NINGUNA", "M",
                        LocalDate.of(2020, 3, 15), LocalDate.of(2020, 12, 31), "U"),
                List.of("PARTIDA", "04.01.01", "", "", "", "", "", "", "", "", "", "", "20000", "", "", "",
                        new java.math.BigDecimal("12500"))));
        Plan plan = ShippedPlans.parser().parse(XlsxPlanReader.read(xlsx));
        assertThat(plan.grandTotal()).hasToString("12500.00");
        assertThat(plan.operation("04.01.01").orElseThrow().start()).isEqualTo(LocalDate.of(2020, 3, 15));
    }
}
