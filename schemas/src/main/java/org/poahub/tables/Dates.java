package org.poahub.tables;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The date forms people type: {@code AAAA-MM-DD}, {@code DD/MM/AAAA} and {@code DD/MM/AA} (20AA, as the SENAVEX
 * seed writes them), day and month with one or two digits, checked strictly (no 31/02). Excel date cells arrive as
 * {@code AAAA-MM-DD} already (see {@link TableReader}).
 */
public final class Dates {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_MONTH_SHORT_YEAR = DateTimeFormatter.ofPattern("d/M/uu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** How the accepted forms are named in messages. */
    public static final String FORMS = "AAAA-MM-DD, DD/MM/AAAA o DD/MM/AA";

    private Dates() {
    }

    /** The date a non-blank text names, or empty when it is none of the accepted forms or no real date. */
    public static Optional<LocalDate> read(String text) {
        String s = text.strip();
        DateTimeFormatter format;
        if (s.indexOf('-') > 0) {
            format = ISO;
        } else {
            int lastSlash = s.lastIndexOf('/');
            if (lastSlash < 0) {
                return Optional.empty();
            }
            format = s.length() - lastSlash - 1 == 2 ? DAY_MONTH_SHORT_YEAR : DAY_MONTH_YEAR;
        }
        try {
            return Optional.of(LocalDate.parse(s, format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
