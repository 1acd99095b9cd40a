package org.poahub.hub.audit;

import java.time.Instant;
import org.poahub.hub.query.DateRange;

/**
 * Filters of an audit listing; null means any. Dates as every listing reads them ({@link DateRange}).
 */
record AuditQuery(String actor, String action, String target, Instant from, Instant to) {

    static AuditQuery parse(String actor, String action, String target, String from, String to) {
        DateRange range;
        try {
            range = DateRange.parse(from, to);
        } catch (DateRange.InvalidRange e) {
            throw new BadAuditQuery(e.parameter(), e.getMessage());
        }
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), range.from(), range.to());
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
