package org.poahub.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as people hand them in: what Excel writes as CSV and XLSX, and the limits. */
class TableReaderTest {

    @TempDir
    Path dir;

    static Table csv(byte[] content) {
        return TableReader.read("informe.csv", content, TableOptions.defaults());
    }

    static Table csv(String content) {
        return csv(content.getBytes(StandardCharsets.UTF_8));
    }

    static TableException refusal(Runnable read) {
        TableException e = catchThrowableOfType(TableException.class, read::run);
        assertThat(e).as("the file must be refused").isNotNull();
        return e;
    }

    @Test
    void aQuotedCellKeepsItsLineBreakAndSeparatorsAndTheRowCountsOnce() {
        Table table = csv("tipo;descripcion;monto\r\ngasto;" + TableCases.quoted(TableCases.MULTILINE_TEXT)
                + ";1250,50\r\ngasto;otro;3\r\n");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(1).cells()).containsExactly("gasto", TableCases.MULTILINE_TEXT, "1250,50");
        assertThat(table.rows().get(2).number()).isEqualTo(3);
    }

    @Test
    void theByteOrderMarkIsNotPartOfTheFirstTitle() {
        Table table = csv(TableCases.withBom("tipo;monto\ngasto;1\n"));
        assertThat(table.rows().get(0).cells()).containsExactly("tipo", "monto");
        assertThat(table.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void windows1252IsDetectedAndADeclaredCharsetWins() {
        byte[] ansi = ("tipo;descripcion\ngasto;" + TableCases.ACCENTED_TEXT + "\n").getBytes(TableOptions.WINDOWS_1252);
        Table detected = csv(ansi);
        assertThat(detected.charset()).isEqualTo(TableOptions.WINDOWS_1252);
        assertThat(detected.rows().get(1).cell(1)).isEqualTo(TableCases.ACCENTED_TEXT);

        TableException declaredUtf8 = refusal(() -> TableReader.read("a.csv", ansi,
                TableOptions.defaults().withCharset(StandardCharsets.UTF_8)));
        assertThat(declaredUtf8.errors()).extracting(TableError::text).containsExactly(
                "Archivo: el archivo CSV no está en UTF-8 como se declaró (en Excel: Guardar como → 'CSV UTF-8')");
    }

    @Test
    void theSeparatorIsDetected() {
        assertThat(csv("a,b\n\"1,5\",2\n").rows().get(1).cells()).containsExactly("1,5", "2");
        assertThat(csv("\"x;y\",b\n1,2\n").rows().get(0).cells()).containsExactly("x;y", "b");
        assertThat(csv("\n\na;b\n1,5;2\n").rows().get(1).cells()).containsExactly("1,5", "2");
    }

    @Test
    void blankRowsAreSkippedButRowsKeepTheSpreadsheetNumbers() {
        Table table = csv("a;b\n;\n\n1;2\n");
        assertThat(table.rows()).extracting(TableRow::number).containsExactly(1, 4);
    }

    @Test
    void anUnclosedQuoteIsRefusedInSpanishWithTheDetailApart() {
        TableException e = refusal(() -> csv("a;b\n1;\"abierta\n2;3\n"));
        assertThat(e.errors()).extracting(TableError::text).containsExactly("Fila 2: el CSV está mal formado: hay "
                + "comillas sin cerrar o texto pegado a unas comillas de cierre (revise esta fila y las siguientes)");
        assertThat(e.technicalDetail()).isNotBlank().doesNotContain("comillas");
    }

    @Test
    void headersMatchWithOrWithoutAccentsAndCase() {
        Columns columns = Columns.of(new TableRow(1, List.of(" Gestión ", "CÓDIGO", "% meta", "Medio  de verificación")));
        assertThat(columns.indexOf("gestion")).isZero();
        assertThat(columns.indexOf("Código")).isEqualTo(1);
        assertThat(columns.indexOf("codigo")).isEqualTo(1);
        assertThat(columns.indexOf("% META")).isEqualTo(2);
        assertThat(columns.indexOf("medio de verificacion")).isEqualTo(3);
        assertThat(columns.missing(List.of("Gestión", "Región"))).containsExactly("Región");
        assertThat(Columns.of(new TableRow(1, List.of("Monto", "monto"))).repeated()).containsExactly("monto");
    }

    @Test
    void excelCellsAreExactDatesInBothDateSystemsAndTextAsTyped() {
        for (boolean date1904 : new boolean[] {false, true}) {
            byte[] xlsx = Workbooks.xlsx(date1904, List.of(
                    List.of("Fecha", "Monto", "Pequeño", "Texto"),
                    List.of(LocalDate.of(2020, 3, 15), new BigDecimal("12500"), 1234.56, "12.500")));
            Table table = TableReader.read("plan.xlsx", xlsx, TableOptions.defaults());
            TableRow row = table.rows().get(1);
            assertThat(row.cells()).containsExactly("2020-03-15", "12500", "1234.56", "12.500");
            assertThat(row.isExact(0)).isTrue();
            assertThat(row.isExact(1)).isTrue();
            assertThat(row.isExact(3)).isFalse();
            assertThat(table.format()).isEqualTo(TableFormat.XLSX);
        }
    }

    @Test
    void aNumberCellKeepsTheFifteenDigitsExcelShows() {
        byte[] xlsx = Workbooks.xlsx(false, List.of(List.of("Monto"), List.of(0.1 + 0.2), List.of(1234.5599999999999)));
        Table table = TableReader.read("a.xlsx", xlsx, TableOptions.defaults());
        assertThat(table.rows()).extracting(r -> r.cell(0)).containsExactly("Monto", "0.3", "1234.56");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() {
        TableException e = refusal(() -> TableReader.read("a.xlsx", "tipo;monto".getBytes(StandardCharsets.UTF_8),
                TableOptions.defaults()));
        assertThat(e.errors()).extracting(TableError::text).containsExactly("Archivo: el archivo no es un libro Excel "
                + ".xlsx legible (si es un .xls antiguo, ábralo en Excel y guárdelo como .xlsx)");
        assertThat(e.technicalDetail()).isNotBlank();
    }

    @Test
    void otherExtensionsAreRefused() {
        TableException e = refusal(() -> TableReader.read("informe.xls", new byte[0], TableOptions.defaults()));
        assertThat(e.errors()).extracting(TableError::text)
                .containsExactly("Archivo: el archivo 'informe.xls' no es .xlsx ni .csv; guárdelo en uno de esos formatos");
    }

    @Test
    void anEmptyCsvIsAnEmptyTable() {
        assertThat(csv(new byte[0]).isEmpty()).isTrue();
    }

    @Test
    void limitRowsAndCellLength() {
        TableOptions small = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxRows(3).withMaxCellLength(5));
        assertThat(refusal(() -> TableReader.read("a.csv", "a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), small))
                .errors()).extracting(TableError::text).containsExactly("Archivo: " + TableCases.tooManyRows(3));
        assertThat(refusal(() -> TableReader.read("a.csv", "a;b\n1;123456\n".getBytes(StandardCharsets.UTF_8), small))
                .errors()).extracting(TableError::text).containsExactly("Fila 2, columna 'columna B': "
                        + TableCases.cellTooLong(6, 5));
        byte[] xlsx = Workbooks.xlsx(false, List.of(List.of("a"), List.of("1"), List.of("2"), List.of("3")));
        assertThat(refusal(() -> TableReader.read("a.xlsx", xlsx, small)).errors()).extracting(TableError::text)
                .containsExactly("Archivo: " + TableCases.tooManyRows(3));
    }

    @Test
    void limitFileSizeBeforeReadingIt() throws IOException {
        Path big = dir.resolve("grande.csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: 3 GB on paper, nothing on disk
        }
        TableException e = refusal(() -> TableReader.read(big, TableOptions.defaults()));
        assertThat(e.errors()).extracting(TableError::text)
                .containsExactly("Archivo: " + TableCases.fileTooLarge("3072 MB", "100 MB"));
        Files.delete(big);
    }

    @Test
    void limitZipBombs() {
        byte[] bomb = Workbooks.zipBomb(8 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(100_000);
        TableException ratio = refusal(() -> TableReader.read("bomba.xlsx", bomb, TableOptions.defaults()));
        assertThat(ratio.errors()).extracting(TableError::text).containsExactly("Archivo: " + TableCases.ZIP_BOMB);
        assertThat(ratio.technicalDetail()).contains("xl/worksheets/sheet1.xml");

        TableOptions small = TableOptions.defaults().withLimits(TableLimits.defaults().withMaxUncompressedBytes(1024 * 1024)
                .withMaxCompressionRatio(10_000));
        TableException total = refusal(() -> TableReader.read("bomba.xlsx", bomb, small));
        assertThat(total.errors()).extracting(TableError::text).containsExactly(
                "Archivo: el libro Excel descomprimido pasa de 1 MB; divídalo en archivos más pequeños");
    }

    @Test
    void aFileOnDiskReadsLikeItsBytes() throws IOException {
        byte[] xlsx = Workbooks.xlsx(false, List.of(List.of("a", "b"), List.of("x", 2.5)));
        Path file = Files.write(dir.resolve("libro con ñ & espacios.xlsx"), xlsx);
        assertThat(TableReader.read(file, TableOptions.defaults()).rows())
                .extracting(TableRow::cells).containsExactly(List.of("a", "b"), List.of("x", "2.5"));
    }
}
