package org.poahub.hub.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Filters of an audit listing; null means any. Dates are UTC days ({@code from} inclusive, {@code to} to the end of
 * its day) or ISO-8601 date-times with offset.
 */
record AuditQuery(String actor, String action, String target, Instant from, Instant to) {

    static AuditQuery parse(String actor, String action, String target, String from, String to) {
        Instant lower = bound("from", from, false);
        Instant upper = bound("to", to, true);
        if (lower != null && upper != null && !lower.isBefore(upper)) {
            throw new BadAuditQuery("to", "El rango de fechas está vacío: 'to' (" + to + ") debe ser posterior a 'from' ("
                    + from + ").");
        }
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), lower, upper);
    }

    private static Instant bound(String parameter, String text, boolean endOfDay) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadAuditQuery(parameter, "Fecha inválida en '" + parameter + "': '" + value
                    + "'. Use AAAA-MM-DD o una fecha y hora ISO-8601 con zona.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter that cannot be used; {@code parameter} names it. */
    static final class BadAuditQuery extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        BadAuditQuery(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
