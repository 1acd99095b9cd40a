package org.poahub.tables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;

/**
 * The text of one Excel cell: a date-formatted number becomes its ISO date ({@code 2020-03-15}, in the workbook's
 * 1900 or 1904 date system), any other number its decimal value whatever the cell's display format (no thousands
 * separators, no rounding to the format's decimals, no scientific notation), text stays as typed, a formula gives
 * its cached result. Numbers and dates are marked exact so no number style reinterprets them.
 *
 * <p>Excel keeps numbers as binary doubles and shows at most 15 significant digits; the stored text can carry 17
 * ({@code 1234.5599999999999}), so rounding it to 15 digits gives back exactly what the office typed
 * ({@code 1234.56}) without ever going through {@code double}.
 *
 * <p>Apache POI's {@link DateUtil} decides which formats are dates (only that class of POI is used: fastexcel has
 * no such check, and the rules of Excel's format codes are not worth writing again).
 */
final class ExcelCellText {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final boolean date1904;
    /** Whether a cell format (id and pattern) shows a date; a sheet has few formats and many cells. */
    private final Map<String, Boolean> dateFormats = new HashMap<>();

    /** The text and whether it is exact (typed by Excel). */
    record Text(String text, boolean exact) {
    }

    private static final Text EMPTY = new Text("", false);

    /** One per workbook read: {@code date1904} is the workbook's date system (old Mac Excel counts from 1904). */
    ExcelCellText(boolean date1904) {
        this.date1904 = date1904;
    }

    Text of(Cell cell) {
        if (cell == null) {
            return EMPTY;
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case NUMBER -> number(cell, raw);
            case FORMULA -> raw != null && isNumber(raw) ? number(cell, raw) : new Text(nullToEmpty(raw), false);
            case BOOLEAN -> new Text(Boolean.TRUE.equals(cell.asBoolean()) ? "VERDADERO" : "FALSO", false);
            case EMPTY -> EMPTY;
            default -> new Text(nullToEmpty(cell.getText()), false);
        };
    }

    private Text number(Cell cell, String raw) {
        BigDecimal value = new BigDecimal(raw.strip());
        Integer formatId = cell.getDataFormatId();
        if (formatId != null && isDateFormat(formatId, cell.getDataFormatString())
                && DateUtil.isValidExcelDate(value.doubleValue())) {
            return new Text(DateUtil.getLocalDateTime(value.doubleValue(), date1904).toLocalDate().toString(), true);
        }
        return new Text(exact(value), true);
    }

    /**
     * POI's date-format check refuses quoted literals, so the Spanish long date {@code d "de" mmmm "de" yyyy} would
     * read as a number: the literals are blanked first.
     */
    private boolean isDateFormat(int formatId, String format) {
        return dateFormats.computeIfAbsent(formatId + "|" + format, k -> DateUtil.isADateFormat(formatId,
                format == null ? null : QUOTED.matcher(format).replaceAll(" ")));
    }

    static String exact(BigDecimal stored) {
        return stored.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    private static boolean isNumber(String raw) {
        try {
            new BigDecimal(raw.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
