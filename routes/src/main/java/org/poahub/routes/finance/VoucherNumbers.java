package org.poahub.routes.finance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation of voucher (comprobante C-31) numbers, for the financial system's listings and the regions'
 * {@code documentNumber} alike: upper case, without accents, without a leading "C-31"/"C31" and a number sign
 * ("Nº", "N°", "No.", "Nro.", "#"), without spaces, and without leading zeros. {@code "C-31 Nº 000123"},
 * {@code "c31 n° 123"} and {@code "0123"} are all {@code "123"}.
 */
public final class VoucherNumbers {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PREFIX = Pattern.compile(
            "^(C\\s*-?\\s*31)?[\\s\\-:]*((N\\s*[º°O]\\.?|NRO\\.?|NUM\\.?|#)[\\s\\-:]*)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VoucherNumbers() {
    }

    /** The normalised number; "" when nothing remains (the caller refuses it). */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.strip();
        // A reconciliation normalises every claim of the year (docs/benchmarks.md, "Reconciliation"), most of them
        // plain ASCII with no prefix and no space: skip each pattern that cannot change such a text.
        // VoucherNumbersTest checks this path against the patterns applied unconditionally.
        boolean ascii = isAscii(text);
        text = ascii ? text.toUpperCase(Locale.ROOT) : withoutMarks(text);
        if (!ascii || mayHavePrefix(text)) {
            // "º" and "°" are not letters; NFD keeps them, so the prefix pattern names them
            text = PREFIX.matcher(text).replaceFirst("");
        }
        if (!ascii || hasSpace(text)) {
            text = SPACES.matcher(text).replaceAll("");
        }
        return withoutLeadingZeros(text);
    }

    /** Every pattern applied, whatever the text: the reference {@link #normalize} must equal. */
    static String normalizeByPatterns(String raw) {
        if (raw == null) {
            return "";
        }
        String text = PREFIX.matcher(withoutMarks(raw.strip())).replaceFirst("");
        return withoutLeadingZeros(SPACES.matcher(text).replaceAll(""));
    }

    private static String withoutMarks(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static String withoutLeadingZeros(String text) {
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        return text.substring(start);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #PREFIX} can match more than nothing: only from one of these first characters. */
    private static boolean mayHavePrefix(String upper) {
        return !upper.isEmpty() && "CN#-: \t\n\u000B\f\r".indexOf(upper.charAt(0)) >= 0;
    }

    /** Whether {@link #SPACES} ({@code \s}: space, tab, line feed, vertical tab, form feed, carriage return) matches. */
    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c >= '\t' && c <= '\r') {
                return true;
            }
        }
        return false;
    }
}
