package org.poahub.tables;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file by commons-csv (RFC 4180: quoted cells with separators, doubled quotes and line breaks inside), with
 * what Excel writes: a UTF-8 byte-order mark, or no UTF-8 at all ("CSV (delimitado por comas)" on a Spanish Windows
 * is Windows-1252), and {@code ;} as the separator where the comma is the decimal separator. The separator is
 * {@code ;} when the first non-blank line has one outside quotes, else {@code ,}.
 */
final class CsvTables {

    /** At most this many cell errors are listed; the rest of a broken file says nothing new. */
    static final int MAX_LISTED_ERRORS = 100;

    private CsvTables() {
    }

    static Table read(byte[] content, TableOptions options) {
        int offset = hasUtf8Bom(content) ? 3 : 0;
        Charset charset = options.charset();
        String text;
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
            text = strictUtf8(content, offset);
            if (text == null) {
                charset = TableOptions.WINDOWS_1252;
                text = new String(content, offset, content.length - offset, charset);
            }
        } else if (charset.equals(StandardCharsets.UTF_8)) {
            text = strictUtf8(content, offset);
            if (text == null) {
                throw new TableException(TableError.ofFile("el archivo CSV no está en UTF-8 como se declaró (en Excel: "
                        + "Guardar como → 'CSV UTF-8')"));
            }
        } else {
            text = new String(content, offset, content.length - offset, charset);
        }
        char separator = separator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        TableLimits limits = options.limits();
        List<TableRow> rows = new ArrayList<>();
        List<TableError> errors = new ArrayList<>();
        long number = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                number = record.getRecordNumber();
                if (number > limits.maxRows()) {
                    throw tooManyRows(limits);
                }
                List<String> cells = new ArrayList<>(record.size());
                boolean blank = true;
                for (int c = 0; c < record.size(); c++) {
                    String cell = record.get(c);
                    if (cell.length() > limits.maxCellLength()) {
                        tooLong(errors, (int) number, c, cell.length(), limits);
                    }
                    cells.add(cell);
                    blank &= cell.isBlank();
                }
                if (!blank) {
                    rows.add(new TableRow((int) number, cells));
                }
            }
        } catch (UncheckedIOException | IOException | IllegalStateException e) {
            throw new TableException(List.of(new TableError((int) number + 1, null, null, "el CSV está mal formado: "
                    + "hay comillas sin cerrar o texto pegado a unas comillas de cierre (revise esta fila y las "
                    + "siguientes)")), TableReader.detail(e.getCause() == null ? e : e.getCause()), e);
        }
        if (!errors.isEmpty()) {
            throw new TableException(errors, null, null);
        }
        return new Table(TableFormat.CSV, charset, rows);
    }

    static TableException tooManyRows(TableLimits limits) {
        return new TableException(TableError.ofFile("el archivo tiene más de " + limits.maxRows()
                + " filas, el máximo; divídalo en archivos más pequeños"));
    }

    static void tooLong(List<TableError> errors, int row, int column, int length, TableLimits limits) {
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new TableError(row, "columna " + TableReader.columnLetter(column), null, "la celda tiene "
                    + length + " caracteres; el máximo es " + limits.maxCellLength()));
        }
    }

    private static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    /** The content as UTF-8, or null when it is not valid UTF-8. */
    private static String strictUtf8(byte[] content, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** {@code ;} when the first non-blank line has one outside quotes, else {@code ,}. */
    static char separator(String text) {
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted && ch == ';') {
                return ';';
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                if (content) {
                    return ',';
                }
            } else if (!Character.isWhitespace(ch) && ch != ',') {
                content = true;
            }
        }
        return ',';
    }
}
