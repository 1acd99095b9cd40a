package org.poahub.hub.spreadsheet;

/**
 * Text for a cell of a file a person opens in a spreadsheet program (CSV or XLSX): a text that begins with {@code =},
 * {@code +}, {@code -} or {@code @} (or a tab or carriage return, which some programs skip before such a sign) would
 * be taken as a formula ("CSV injection"), so it gets a leading apostrophe, which spreadsheet programs show as text.
 * Apply it to text cells only: numbers (a negative amount) are written as numbers.
 */
public final class SafeText {

    private SafeText() {
    }

    /** {@code value} with a leading {@code '} when it could start a formula; null stays null. */
    public static String of(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
