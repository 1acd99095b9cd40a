package org.poahub.hub.rejected;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.poahub.plan.RegionCatalogue;

/**
 * The filters of a rejected-reports listing, checked. Dates are days in UTC ({@code from} from the start of its day,
 * {@code to} to the end of its day); an ISO-8601 date-time with offset gives an exact bound.
 *
 * @param from inclusive lower bound of {@code rejected_at}, or null
 * @param to   exclusive upper bound of {@code rejected_at}, or null
 */
record RejectedReportQuery(String regionCode, String code, Instant from, Instant to, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    static RejectedReportQuery parse(String region, String code, String from, String to, Integer page, Integer size,
                                     RegionCatalogue regions) {
        String regionCode = blankToNull(region);
        if (regionCode != null && !regions.isKnown(regionCode)) {
            throw new BadQueryException("region", "Región desconocida '" + regionCode
                    + "': use un código del catálogo de regiones, p. ej. BO-L.");
        }
        String ruleCode = blankToNull(code);
        if (ruleCode != null && !CODE.matcher(ruleCode).matches()) {
            throw new BadQueryException("code", "Código de rechazo inválido '" + ruleCode
                    + "': se esperan mayúsculas, dígitos y '_', p. ej. OPERATION_UNKNOWN.");
        }
        Instant lower = bound("from", from, false);
        Instant upper = bound("to", to, true);
        if (lower != null && upper != null && !lower.isBefore(upper)) {
            throw new BadQueryException("to", "El rango de fechas está vacío: 'to' (" + to
                    + ") debe ser posterior a 'from' (" + from + ").");
        }
        int pageNumber = page == null ? 0 : page;
        if (pageNumber < 0) {
            throw new BadQueryException("page", "La página debe ser 0 o mayor; se recibió " + pageNumber + ".");
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new BadQueryException("size", "El tamaño de página debe estar entre 1 y " + MAX_SIZE
                    + "; se recibió " + pageSize + ".");
        }
        return new RejectedReportQuery(regionCode, ruleCode, lower, upper, pageNumber, pageSize);
    }

    long offset() {
        return (long) page * size;
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
            throw new BadQueryException(parameter, "Fecha inválida en '" + parameter + "': '" + value
                    + "'. Use AAAA-MM-DD (p. ej. 2020-03-31) o una fecha y hora ISO-8601 con zona"
                    + " (p. ej. 2020-03-31T08:00:00-04:00).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
