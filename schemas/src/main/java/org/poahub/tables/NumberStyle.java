package org.poahub.tables;

import java.util.Locale;

/**
 * How the numbers of a file are written, when someone declares it. Only an ambiguous number ({@code 12.500},
 * {@code 1,250}: one separator followed by exactly three digits) needs it; every other form reads the same whatever
 * the style (see {@link Decimals}).
 */
public enum NumberStyle {

    /** Nothing declared: an ambiguous number is refused with both readings. */
    UNDECLARED,
    /** Point for thousands, comma for decimals: {@code 1.234,56} (Bolivia, Spanish-speaking locales: {@code es-BO}). */
    DECIMAL_COMMA,
    /** Comma for thousands, point for decimals: {@code 1,234.56} ({@code en-US}). */
    DECIMAL_POINT;

    /**
     * The style named by a locale tag ({@code es-BO}, {@code es}, {@code en-US}, ...), by a sample
     * ({@code 1.234,56} or {@code 1,234.56}) or by one of this enum's names; blank means {@link #UNDECLARED}.
     *
     * @throws IllegalArgumentException with a Spanish message when the declaration is not understood
     */
    public static NumberStyle declared(String declaration) {
        if (declaration == null || declaration.isBlank()) {
            return UNDECLARED;
        }
        String text = declaration.strip();
        switch (text) {
            case "1.234,56":
                return DECIMAL_COMMA;
            case "1,234.56":
                return DECIMAL_POINT;
            default:
                break;
        }
        String upper = text.toUpperCase(Locale.ROOT).replace('_', '-');
        for (NumberStyle style : values()) {
            if (style.name().equals(upper.replace('-', '_'))) {
                return style;
            }
        }
        String language = upper.split("-", 2)[0];
        return switch (language) {
            // Spanish, Portuguese, German, French, Italian...: decimal comma
            case "ES", "PT", "DE", "FR", "IT", "NL" -> DECIMAL_COMMA;
            case "EN" -> DECIMAL_POINT;
            default -> throw new IllegalArgumentException("formato de números '" + declaration
                    + "' desconocido (use es-BO para 1.234,56 o en-US para 1,234.56)");
        };
    }

    /** How the style is shown to people, e.g. in a message. */
    public String example() {
        return switch (this) {
            case UNDECLARED -> "sin declarar";
            case DECIMAL_COMMA -> "1.234,56 (es-BO)";
            case DECIMAL_POINT -> "1,234.56 (en-US)";
        };
    }
}
