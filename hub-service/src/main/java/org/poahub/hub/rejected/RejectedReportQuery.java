package org.poahub.hub.rejected;

import java.time.Instant;
import java.util.regex.Pattern;
import org.poahub.hub.query.DateRange;
import org.poahub.plan.RegionCatalogue;

/**
 * The filters of a rejected-reports listing, checked. Dates as every listing reads them ({@link DateRange}).
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
        DateRange range;
        try {
            range = DateRange.parse(from, to);
        } catch (DateRange.InvalidRange e) {
            throw new BadQueryException(e.parameter(), e.getMessage());
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
        return new RejectedReportQuery(regionCode, ruleCode, range.from(), range.to(), pageNumber, pageSize);
    }

    long offset() {
        return (long) page * size;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
