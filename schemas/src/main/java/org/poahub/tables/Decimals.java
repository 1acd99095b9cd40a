package org.poahub.tables;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a number typed into a cell reads, exactly (never through {@code double}).
 *
 * <ul>
 *   <li>No separator ({@code 12500}, {@code -3}): as written.</li>
 *   <li>Both separators: the last one is the decimal separator, the other groups thousands in threes:
 *       {@code 1.234,56} and {@code 1,234.56} are both 1234.56; {@code 1.2,3} is not a number.</li>
 *   <li>One separator, several times: thousands ({@code 1.234.567}).</li>
 *   <li>One separator once: decimal ({@code 1250,50}, {@code 12.5}, {@code 0,125}, {@code 1250.500}) unless it is
 *       followed by exactly three digits after one to three leading digits not starting with 0 ({@code 12.500},
 *       {@code 1,250}): that is <b>ambiguous</b>, and only a declared {@link NumberStyle} decides.</li>
 * </ul>
 * Spaces (also non-breaking) are ignored, a leading {@code -} or {@code +} is the sign.
 */
public final class Decimals {

    private static final Pattern BODY = Pattern.compile("[0-9](?:[0-9.,]*[0-9])?");
    private static final Pattern GROUPED_POINT = Pattern.compile("[1-9][0-9]{0,2}(?:\\.[0-9]{3})+");
    private static final Pattern GROUPED_COMMA = Pattern.compile("[1-9][0-9]{0,2}(?:,[0-9]{3})+");
    private static final Pattern AMBIGUOUS_INTEGER_PART = Pattern.compile("[1-9][0-9]{0,2}");

    private Decimals() {
    }

    /** What a text reads as. */
    public sealed interface Reading permits Value, Ambiguous, Invalid {
    }

    /** An unambiguous number, with the scale written ({@code 1250,50} is 1250.50). */
    public record Value(BigDecimal value) implements Reading {
    }

    /**
     * Two readings: the separator grouping thousands, or the separator being the decimal one.
     *
     * @param separator the one separator written, {@code '.'} or {@code ','}
     */
    public record Ambiguous(BigDecimal asThousands, BigDecimal asDecimal, char separator) implements Reading {
    }

    /** Not a number. */
    public record Invalid() implements Reading {
    }

    private static final Invalid INVALID = new Invalid();

    /** Reads a non-blank text typed by a person (for cells the file typed, use {@code new BigDecimal}). */
    public static Reading read(String text, NumberStyle style) {
        String s = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (!BODY.matcher(s).matches()) {
            return INVALID;
        }
        int lastPoint = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        if (lastPoint < 0 && lastComma < 0) {
            return value(s, negative);
        }
        if (lastPoint >= 0 && lastComma >= 0) {
            char decimal = lastPoint > lastComma ? '.' : ',';
            int at = Math.max(lastPoint, lastComma);
            String integer = s.substring(0, at);
            String fraction = s.substring(at + 1);
            if (fraction.indexOf('.') >= 0 || fraction.indexOf(',') >= 0
                    || !(decimal == '.' ? GROUPED_COMMA : GROUPED_POINT).matcher(integer).matches()) {
                return INVALID;
            }
            return value(integer.replace(",", "").replace(".", "") + "." + fraction, negative);
        }
        char separator = lastPoint >= 0 ? '.' : ',';
        int first = s.indexOf(separator);
        int last = s.lastIndexOf(separator);
        if (first != last) {
            return (separator == '.' ? GROUPED_POINT : GROUPED_COMMA).matcher(s).matches()
                    ? value(s.replace(String.valueOf(separator), ""), negative) : INVALID;
        }
        String integer = s.substring(0, first);
        String fraction = s.substring(first + 1);
        BigDecimal asDecimal = number(integer + "." + fraction, negative);
        if (fraction.length() != 3 || !AMBIGUOUS_INTEGER_PART.matcher(integer).matches()) {
            return new Value(asDecimal);
        }
        BigDecimal asThousands = number(integer + fraction, negative);
        return switch (style) {
            case UNDECLARED -> new Ambiguous(asThousands, asDecimal, separator);
            case DECIMAL_COMMA -> new Value(separator == '.' ? asThousands : asDecimal);
            case DECIMAL_POINT -> new Value(separator == ',' ? asThousands : asDecimal);
        };
    }

    private static Reading value(String plain, boolean negative) {
        return new Value(number(plain, negative));
    }

    private static BigDecimal number(String plain, boolean negative) {
        BigDecimal value = new BigDecimal(plain);
        return negative ? value.negate() : value;
    }
}
