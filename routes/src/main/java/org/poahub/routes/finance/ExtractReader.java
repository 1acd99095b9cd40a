package org.poahub.routes.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.poahub.routes.finance.Extract.ExecutionLine;
import org.poahub.routes.finance.Extract.LineKind;
import org.poahub.routes.finance.Extract.ReversalKind;
import org.poahub.routes.finance.Extract.Stage;
import org.poahub.routes.finance.Extract.State;
import org.poahub.routes.finance.Extract.Voucher;
import org.poahub.tables.CellReader;
import org.poahub.tables.Columns;
import org.poahub.tables.NumberStyle;
import org.poahub.tables.Table;
import org.poahub.tables.TableError;
import org.poahub.tables.TableException;
import org.poahub.tables.TableOptions;
import org.poahub.tables.TableReader;
import org.poahub.tables.TableRow;

/**
 * Reads a financial-system extract (docs/finance-format.md) through the shared reading layer ({@code
 * org.poahub.tables}): CSV ({@code ;} or {@code ,}; UTF-8 with or without BOM, or Windows-1252) or XLSX; headers with
 * or without accents; numbers in the Bolivian style {@code 1.234,56} unless a {@code Formato de números} row declares
 * another. Every problem of the file is collected; one problem refuses the whole file.
 */
public final class ExtractReader {

    static final String GESTION = "Gestión";
    static final String CORTE = "Fecha de corte";
    static final String REPORTE = "Reporte";
    static final String FORMATO = "Formato de números";

    static final String DA = "DA";
    static final String UE = "UE";
    static final String PROGRAMA = "Programa";
    static final String PROYECTO = "Proyecto";
    static final String ACTIVIDAD = "Actividad";
    static final String FUENTE = "Fuente";
    static final String ORGANISMO = "Organismo";
    static final String PARTIDA = "Partida";
    static final String DESCRIPCION = "Descripción";
    static final String VIGENTE = "Vigente";
    static final String PREVENTIVO = "Preventivo";
    static final String COMPROMETIDO = "Comprometido";
    static final String DEVENGADO = "Devengado";
    static final String PAGADO = "Pagado";
    static final List<String> AMOUNT_TITLES = List.of(VIGENTE, PREVENTIVO, COMPROMETIDO, DEVENGADO, PAGADO);
    static final List<String> EXECUTION_TITLES = List.of(DA, UE, PROGRAMA, PROYECTO, ACTIVIDAD, FUENTE, ORGANISMO,
            PARTIDA, DESCRIPCION, VIGENTE, PREVENTIVO, COMPROMETIDO, DEVENGADO, PAGADO);

    static final String COMPROBANTE = "Comprobante";
    static final String FECHA = "Fecha";
    static final String ETAPA = "Etapa";
    static final String ESTADO = "Estado";
    static final String IMPORTE = "Importe";
    static final String BENEFICIARIO = "Beneficiario";
    static final String REVIERTE = "Revierte a";
    static final String TIPO_REVERSION = "Tipo de reversión";
    static final List<String> VOUCHER_TITLES = List.of(COMPROBANTE, FECHA, ETAPA, ESTADO, DA, UE, PARTIDA, FUENTE,
            ORGANISMO, IMPORTE, BENEFICIARIO, REVIERTE, TIPO_REVERSION);

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final TableOptions options;

    public ExtractReader(TableOptions options) {
        this.options = options;
    }

    /** The limits and charset of {@link TableOptions#defaults()}; numbers es-BO unless the file declares. */
    public ExtractReader() {
        this(TableOptions.defaults());
    }

    public Extract read(String fileName, byte[] content) {
        List<TableError> errors = new ArrayList<>();
        Table table;
        try {
            table = TableReader.read(fileName, content, options.withNumbers(NumberStyle.UNDECLARED));
        } catch (TableException e) {
            throw new ExtractRejectedException(e.errors());
        }
        NumberStyle numbers = NumberStyle.DECIMAL_COMMA;
        String declared = metadata(table, FORMATO);
        if (declared != null) {
            try {
                numbers = NumberStyle.declared(declared);
            } catch (IllegalArgumentException e) {
                errors.add(new TableError(rowOf(table, FORMATO), FORMATO, declared, e.getMessage()));
            }
        }
        CellReader cells = new CellReader(numbers, errors::add);
        Integer year = year(table, errors);
        LocalDate cutOff = cutOff(table, year, cells, errors);
        String report = metadata(table, REPORTE);
        String reportKey = Columns.key(report);
        Extract extract;
        if (reportKey.contains("comprobante")) {
            extract = new Extract.Vouchers(year == null ? 0 : year, cutOff,
                    vouchers(table, year, cutOff, cells, errors));
        } else if (reportKey.contains("ejecucion")) {
            extract = new Extract.Execution(year == null ? 0 : year, cutOff, execution(table, cells, errors));
        } else {
            errors.add(report == null || report.isEmpty()
                    ? TableError.ofFile("falta la fila 'Reporte' que dice qué extracto es (p. ej. 'Reporte;Ejecución"
                            + " presupuestaria de gastos por categoría programática' o 'Reporte;Comprobantes C-31')")
                    : new TableError(rowOf(table, REPORTE), REPORTE, report, "el reporte '" + report
                            + "' no es una ejecución presupuestaria ni un listado de comprobantes"));
            extract = null;
        }
        if (!errors.isEmpty()) {
            throw new ExtractRejectedException(errors);
        }
        return extract;
    }

    private static List<ExecutionLine> execution(Table table, CellReader cells, List<TableError> errors) {
        Columns columns = header(table, DA, EXECUTION_TITLES, errors);
        if (columns == null) {
            return List.of();
        }
        List<ExecutionLine> lines = new ArrayList<>();
        // the lines of each program (DA, UE, programa) since its last total row
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        for (TableRow row : table.rowsAfter(columns.header())) {
            boolean total = columns.text(row, PARTIDA).isEmpty()
                    && Columns.key(columns.text(row, DESCRIPCION)).startsWith("total");
            if (total && columns.text(row, PROGRAMA).isEmpty()) {
                // a grand total (no program): not a program's total, nothing to compare it with
                continue;
            }
            Codes codes = new Codes(row, columns, cells);
            String da = codes.number(DA, 3);
            String ue = codes.number(UE, 3);
            String programa = codes.digits(PROGRAMA, 2);
            BigDecimal[] amounts = new BigDecimal[5];
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = codes.amount(AMOUNT_TITLES.get(i));
            }
            if (total) {
                if (da == null || ue == null || programa == null || nulls(amounts)) {
                    continue;
                }
                BigDecimal[] sum = sums.remove(List.of(da, ue, programa));
                BigDecimal[] difference = new BigDecimal[5];
                boolean differs = false;
                for (int i = 0; i < 5; i++) {
                    difference[i] = amounts[i].subtract(sum == null ? BigDecimal.ZERO : sum[i]);
                    differs |= difference[i].signum() != 0;
                }
                if (differs) {
                    lines.add(new ExecutionLine(row.number(), LineKind.DIFERENCIA, da, ue, programa, "", "", "", "",
                            "", difference[0], difference[1], difference[2], difference[3], difference[4]));
                }
                continue;
            }
            String proyecto = codes.digits(PROYECTO, 4);
            String actividad = codes.digits(ACTIVIDAD, 3);
            String fuente = codes.digits(FUENTE, 2);
            String organismo = codes.digits(ORGANISMO, 3);
            String partida = codes.digits(PARTIDA, 5);
            if (codes.failed() || nulls(amounts)) {
                continue;
            }
            lines.add(new ExecutionLine(row.number(), LineKind.LINEA, da, ue, programa, proyecto, actividad, fuente,
                    organismo, partida, amounts[0], amounts[1], amounts[2], amounts[3], amounts[4]));
            BigDecimal[] sum = sums.computeIfAbsent(List.of(da, ue, programa), k -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            for (int i = 0; i < 5; i++) {
                sum[i] = sum[i].add(amounts[i]);
            }
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(TableError.ofFile("el extracto no tiene líneas de ejecución después de la fila de títulos"));
        }
        return lines;
    }

    private static List<Voucher> vouchers(Table table, Integer year, LocalDate cutOff, CellReader cells,
            List<TableError> errors) {
        Columns columns = header(table, COMPROBANTE, VOUCHER_TITLES, errors);
        if (columns == null) {
            return List.of();
        }
        List<Voucher> vouchers = new ArrayList<>();
        Map<String, Integer> rowByNumber = new HashMap<>();
        for (TableRow row : table.rowsAfter(columns.header())) {
            Codes codes = new Codes(row, columns, cells);
            String raw = columns.text(row, COMPROBANTE);
            String number = VoucherNumbers.normalize(raw);
            if (number.isEmpty()) {
                cells.report(row.number(), COMPROBANTE, raw, raw.isEmpty() ? "falta el número de comprobante"
                        : "'" + raw + "' no tiene número de comprobante");
            } else {
                Integer first = rowByNumber.putIfAbsent(number, row.number());
                if (first != null) {
                    cells.report(row.number(), COMPROBANTE, raw, "el comprobante " + number
                            + " ya está en la fila " + first);
                }
            }
            LocalDate date = codes.date(FECHA);
            if (date != null && year != null && (date.getYear() != year || cutOff != null && date.isAfter(cutOff))) {
                cells.report(row.number(), FECHA, columns.text(row, FECHA), "la fecha " + date
                        + " está fuera de la gestión " + year + " o después de la fecha de corte");
            }
            Stage stage = codes.choice(ETAPA, Stage.class);
            State state = codes.choice(ESTADO, State.class);
            String da = codes.number(DA, 3);
            String ue = codes.number(UE, 3);
            String partida = codes.digits(PARTIDA, 5);
            String fuente = codes.digits(FUENTE, 2);
            String organismo = codes.digits(ORGANISMO, 3);
            BigDecimal amount = codes.amount(IMPORTE);
            String beneficiary = columns.text(row, BENEFICIARIO);
            if (beneficiary.isEmpty()) {
                cells.report(row.number(), BENEFICIARIO, null, "falta el beneficiario");
            }
            String reversesRaw = columns.text(row, REVIERTE);
            String reverses = reversesRaw.isEmpty() ? null : VoucherNumbers.normalize(reversesRaw);
            ReversalKind reversal = columns.text(row, TIPO_REVERSION).isEmpty() ? null
                    : codes.choice(TIPO_REVERSION, ReversalKind.class);
            if ((reverses == null) != (reversal == null) && !codes.failed()) {
                cells.report(row.number(), reverses == null ? REVIERTE : TIPO_REVERSION, null,
                        "una reversión necesita 'Revierte a' y 'Tipo de reversión' (TOTAL o PARCIAL); un comprobante"
                                + " normal no lleva ninguno de los dos");
            } else if (amount != null && reverses != null && amount.signum() >= 0) {
                cells.report(row.number(), IMPORTE, amount.toPlainString(), "el importe de una reversión es negativo");
            } else if (amount != null && reverses == null && amount.signum() < 0) {
                cells.report(row.number(), IMPORTE, amount.toPlainString(), "importe negativo en un comprobante que no"
                        + " es reversión (indique 'Revierte a' y 'Tipo de reversión')");
            }
            if (codes.failed() || number.isEmpty() || beneficiary.isEmpty() || amount == null) {
                continue;
            }
            vouchers.add(new Voucher(row.number(), raw, number, date, stage, state, da, ue, partida, fuente,
                    organismo, amount, beneficiary, reverses, reversal));
        }
        checkReversals(vouchers, cells);
        if (vouchers.isEmpty() && errors.isEmpty()) {
            errors.add(TableError.ofFile("el listado no tiene comprobantes después de la fila de títulos"));
        }
        return vouchers;
    }

    /** A reversal names a voucher of the listing; a total one reverses all of it, a partial one less. */
    private static void checkReversals(List<Voucher> vouchers, CellReader cells) {
        Map<String, Voucher> byNumber = new HashMap<>();
        vouchers.forEach(v -> byNumber.put(v.number(), v));
        Map<String, BigDecimal> reversed = new HashMap<>();
        for (Voucher v : vouchers) {
            if (v.reversesNumber() == null) {
                continue;
            }
            Voucher original = byNumber.get(v.reversesNumber());
            if (original == null || original.reversesNumber() != null) {
                cells.report(v.sourceRow(), REVIERTE, v.reversesNumber(), "el comprobante " + v.reversesNumber()
                        + " que se revierte no está en el listado");
                continue;
            }
            BigDecimal total = reversed.merge(original.number(), v.amount().negate(), BigDecimal::add);
            int compared = total.compareTo(original.amount());
            if (compared > 0) {
                cells.report(v.sourceRow(), IMPORTE, v.amount().toPlainString(), "las reversiones del comprobante "
                        + original.number() + " suman " + total.toPlainString() + ", más que su importe "
                        + original.amount().toPlainString());
            } else if (v.reversalKind() == ReversalKind.TOTAL && compared != 0) {
                cells.report(v.sourceRow(), TIPO_REVERSION, "TOTAL", "una reversión TOTAL del comprobante "
                        + original.number() + " debe ser por " + original.amount().negate().toPlainString());
            } else if (v.reversalKind() == ReversalKind.PARCIAL && compared == 0 && total.equals(v.amount().negate())) {
                cells.report(v.sourceRow(), TIPO_REVERSION, "PARCIAL", "la reversión revierte todo el comprobante "
                        + original.number() + "; es TOTAL, no PARCIAL");
            }
        }
    }

    private static Columns header(Table table, String first, List<String> titles, List<TableError> errors) {
        TableRow header = table.findHeader(first).orElse(null);
        if (header == null) {
            errors.add(TableError.ofFile("no se encontró la fila de títulos (la que empieza con '" + first + "')"));
            return null;
        }
        Columns columns = Columns.of(header);
        List<String> missing = columns.missing(titles);
        if (!missing.isEmpty()) {
            errors.add(new TableError(header.number(), null, null, "faltan las columnas " + String.join(", ", missing)));
            return null;
        }
        return columns;
    }

    private static Integer year(Table table, List<TableError> errors) {
        String text = metadata(table, GESTION);
        if (text == null || text.isEmpty()) {
            errors.add(TableError.ofFile("falta la fila 'Gestión' (p. ej. Gestión;2020) antes de la fila de títulos"));
            return null;
        }
        if (!text.matches("\\d{4}")) {
            errors.add(new TableError(rowOf(table, GESTION), GESTION, text, "la gestión '" + text
                    + "' no es un año de cuatro cifras"));
            return null;
        }
        return Integer.valueOf(text);
    }

    private static LocalDate cutOff(Table table, Integer year, CellReader cells, List<TableError> errors) {
        String text = metadata(table, CORTE);
        if (text == null || text.isEmpty()) {
            errors.add(TableError.ofFile("falta la fila 'Fecha de corte' (p. ej. Fecha de corte;30/06/2020)"));
            return null;
        }
        int row = rowOf(table, CORTE);
        LocalDate date = table.findHeader(CORTE).map(r -> cells.date(r, 1, CORTE)).orElse(null);
        if (date != null && year != null && date.getYear() != year) {
            errors.add(new TableError(row, CORTE, text, "la fecha de corte " + date + " no es de la gestión " + year));
            return null;
        }
        return date;
    }

    private static String metadata(Table table, String title) {
        return table.findHeader(title).map(r -> r.cell(1).strip()).orElse(null);
    }

    private static int rowOf(Table table, String title) {
        return table.findHeader(title).map(TableRow::number).orElse(0);
    }

    private static boolean nulls(BigDecimal[] amounts) {
        for (BigDecimal amount : amounts) {
            if (amount == null) {
                return true;
            }
        }
        return false;
    }

    /** The cells of one row: required codes of digits, amounts, dates, choices; remembers whether any failed. */
    private static final class Codes {

        private final TableRow row;
        private final Columns columns;
        private final CellReader cells;
        private final int before;

        Codes(TableRow row, Columns columns, CellReader cells) {
            this.row = row;
            this.columns = columns;
            this.cells = cells;
            this.before = cells.reported();
        }

        boolean failed() {
            return cells.reported() > before;
        }

        /** Exactly {@code width} digits; an Excel number cell that lost its leading zeros is padded. */
        String digits(String title, int width) {
            String text = required(title);
            if (text == null) {
                return null;
            }
            if (text.length() < width && row.isExact(columns.indexOf(title))) {
                text = "0".repeat(width - text.length()) + text;
            }
            if (!DIGITS.matcher(text).matches() || text.length() != width) {
                cells.report(row.number(), title, text, "'" + text + "' debe tener exactamente " + width + " dígitos");
                return null;
            }
            return text;
        }

        /** 1 to {@code maxDigits} digits, without leading zeros (DA 02 is DA 2). */
        String number(String title, int maxDigits) {
            String text = required(title);
            if (text == null) {
                return null;
            }
            if (!DIGITS.matcher(text).matches() || text.length() > maxDigits) {
                cells.report(row.number(), title, text, "'" + text + "' debe ser un número de 1 a " + maxDigits
                        + " dígitos");
                return null;
            }
            return text.replaceFirst("^0+(?=\\d)", "");
        }

        BigDecimal amount(String title) {
            int index = columns.indexOf(title);
            if (row.cell(index).isBlank()) {
                cells.report(row.number(), title, null, "falta el importe (escriba 0 si no hay)");
                return null;
            }
            BigDecimal value = cells.decimal(row, index, title);
            if (value != null && value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
                cells.report(row.number(), title, row.cell(index).strip(), "un importe tiene a lo sumo dos decimales");
                return null;
            }
            return value == null ? null : value.setScale(2);
        }

        LocalDate date(String title) {
            if (required(title) == null) {
                return null;
            }
            return cells.date(row, columns.indexOf(title), title);
        }

        <E extends Enum<E>> E choice(String title, Class<E> type) {
            String text = required(title);
            if (text == null) {
                return null;
            }
            String key = Columns.key(text).toUpperCase(Locale.ROOT);
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(key)) {
                    return value;
                }
            }
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name());
            }
            cells.report(row.number(), title, text, "'" + text + "' no es uno de " + String.join(", ", names));
            return null;
        }

        private String required(String title) {
            String text = columns.text(row, title);
            if (text.isEmpty()) {
                cells.report(row.number(), title, null, "falta el valor");
                return null;
            }
            if (row.isExact(columns.indexOf(title)) && text.endsWith(".0")) {
                return text.substring(0, text.length() - 2);
            }
            return text;
        }
    }
}
