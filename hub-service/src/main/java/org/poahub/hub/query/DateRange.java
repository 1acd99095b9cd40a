package org.poahub.hub.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A {@code from}/{@code to} filter of a listing, read one way for every listing (rejected reports, audit trail): a day
 * in UTC ({@code from} from the start of its day, {@code to} to the end of its day) or an ISO-8601 date-time with
 * offset for an exact bound; blank means unbounded.
 *
 * @param from inclusive lower bound, or null
 * @param to   exclusive upper bound, or null
 */
public record DateRange(Instant from, Instant to) {

    /**
     * @throws InvalidRange naming the parameter ({@code from} or {@code to}), in Spanish, when a date cannot be read or
     *                      the range is empty
     */
    public static DateRange parse(String from, String to) {
        Instant lower = bound("from", from, false);
        Instant upper = bound("to", to, true);
        if (lower != null && upper != null && !lower.isBefore(upper)) {
            throw new InvalidRange("to", "El rango de fechas está vacío: 'to' (" + to.strip()
                    + ") debe ser posterior a 'from' (" + from.strip() + ").");
        }
        return new DateRange(lower, upper);
    }

    private static Instant bound(String parameter, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRange(parameter, "Fecha inválida en '" + parameter + "': '" + value
                    + "'. Use AAAA-MM-DD (p. ej. 2020-03-31) o una fecha y hora ISO-8601 con zona"
                    + " (p. ej. 2020-03-31T08:00:00-04:00).");
        }
    }

    /** A date filter that cannot be used; {@code parameter} names it. */
    public static final class InvalidRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        InvalidRange(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
