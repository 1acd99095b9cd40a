package org.poahub.tables;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The cells and files every reader of tables must read alike: the reading layer's own tests, the regional agent's
 * import and the hub's plan import each run these same cases (this class ships in the schemas test-jar) and must
 * give the same values and the same refusals. Expected values and messages are written out here, never computed.
 */
public final class TableCases {

    private TableCases() {
    }

    /**
     * A number typed into a money cell.
     *
     * @param text     as typed
     * @param declared the declared number format ("" for none), as an agent setting or import option would say it
     * @param value    the exact value expected, or null when refused
     * @param refusal  the Spanish message expected (after "Fila N, columna 'X': "), or null when accepted
     */
    public record NumberCase(String text, String declared, BigDecimal value, String refusal) {
        @Override
        public String toString() {
            return "'" + text + "'" + (declared.isEmpty() ? "" : " declared " + declared);
        }
    }

    /** A date typed into a date cell: the date expected, or the refusal. */
    public record DateCase(String text, LocalDate value, String refusal) {
        @Override
        public String toString() {
            return "'" + text + "'";
        }
    }

    private static final String NOT_A_NUMBER = " no es un número (escriba p. ej. 1250,50, 1.250,50 o 1,250.50)";
    private static final String SETTLE = "; declare el formato de números (es-BO: 1.234,56; en-US: 1,234.56) o escriba "
            + "el número sin separador de miles";

    public static final List<NumberCase> NUMBERS = List.of(
            accepted("1.234,56", "", "1234.56"),
            accepted("1,234.56", "", "1234.56"),
            accepted("1250,50", "", "1250.50"),
            accepted("1250.50", "", "1250.50"),
            accepted("12500", "", "12500"),
            accepted("1.234.567,8", "", "1234567.8"),
            accepted("1 250,50", "", "1250.50"),
            accepted("0,50", "", "0.50"),
            accepted("12,5", "", "12.5"),
            new NumberCase("12.500", "", null, "'12.500' es ambiguo: puede ser 12500 (punto como separador de miles) o "
                    + "12.5 (punto decimal)" + SETTLE),
            new NumberCase("1,250", "", null, "'1,250' es ambiguo: puede ser 1250 (coma como separador de miles) o "
                    + "1,25 (coma decimal)" + SETTLE),
            accepted("12.500", "es-BO", "12500"),
            accepted("1,250", "es-BO", "1.250"),
            accepted("12.500", "en-US", "12.500"),
            accepted("1,250", "en-US", "1250"),
            accepted("1.234,56", "en-US", "1234.56"),
            new NumberCase("doce", "", null, "'doce'" + NOT_A_NUMBER),
            new NumberCase("1.2,3", "", null, "'1.2,3'" + NOT_A_NUMBER),
            new NumberCase("12.50.0", "", null, "'12.50.0'" + NOT_A_NUMBER));

    public static final List<DateCase> DATES = List.of(
            new DateCase("2020-03-15", LocalDate.of(2020, 3, 15), null),
            new DateCase("15/03/2020", LocalDate.of(2020, 3, 15), null),
            new DateCase("15/03/20", LocalDate.of(2020, 3, 15), null),
            new DateCase("5/3/2020", LocalDate.of(2020, 3, 5), null),
            new DateCase("31/02/2020", null,
                    "la fecha '31/02/2020' no es válida (use AAAA-MM-DD, DD/MM/AAAA o DD/MM/AA)"),
            new DateCase("15-03-2020", null,
                    "la fecha '15-03-2020' no es válida (use AAAA-MM-DD, DD/MM/AAAA o DD/MM/AA)"),
            new DateCase("marzo", null, "la fecha 'marzo' no es válida (use AAAA-MM-DD, DD/MM/AAAA o DD/MM/AA)"));

    private static NumberCase accepted(String text, String declared, String value) {
        return new NumberCase(text, declared, new BigDecimal(value), null);
    }

    /** A description with a line break and the separator inside quotes, as Excel writes it. */
    public static final String MULTILINE_TEXT = "Pasajes; ida y vuelta\r\na \"La Paz\"";

    /** How {@link #MULTILINE_TEXT} is written in a CSV cell (quoted, quotes doubled). */
    public static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** An accented text that Windows-1252 and UTF-8 write differently. */
    public static final String ACCENTED_TEXT = "Capacitación en Cochabamba – año 2020";

    /** The UTF-8 byte-order mark Excel puts before a "CSV UTF-8". */
    public static byte[] withBom(String csv) {
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    /** Limit refusals (after "Archivo: "), for limits set small by the test. */
    public static String tooManyRows(int max) {
        return "el archivo tiene más de " + max + " filas, el máximo; divídalo en archivos más pequeños";
    }

    public static String fileTooLarge(String size, String max) {
        return "el archivo pesa " + size + "; el máximo es " + max + " (divídalo en archivos más pequeños)";
    }

    /** The refusal of a cell longer than the limit (column named by its letter). */
    public static String cellTooLong(int length, int max) {
        return "la celda tiene " + length + " caracteres; el máximo es " + max;
    }

    public static final String ZIP_BOMB = "el libro Excel se descomprime más de 100 veces su tamaño y parece dañado o "
            + "malicioso; ábralo en Excel y guárdelo de nuevo";
}
