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
        String text = MARKS.matcher(Normalizer.normalize(raw.strip(), Normalizer.Form.NFD)).replaceAll("")
                .toUpperCase(Locale.ROOT);
        // "º" and "°" are not letters; NFD keeps them, so the prefix pattern names them
        text = PREFIX.matcher(text).replaceFirst("");
        text = SPACES.matcher(text).replaceAll("");
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        return text.substring(start);
    }
}
