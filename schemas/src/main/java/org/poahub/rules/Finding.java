package org.poahub.rules;

import org.poahub.contract.Severity;

/**
 * One result of a validation rule: a stable code, its severity, the field it concerns (may be null) and a
 * Spanish message for the regional office.
 */
public record Finding(String code, Severity severity, String field, String message) {

    public static Finding error(String code, String field, String message) {
        return new Finding(code, Severity.ERROR, field, message);
    }

    public static Finding warning(String code, String field, String message) {
        return new Finding(code, Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding as the Avro record carried by a {@code ReportOutcome}. */
    public org.poahub.contract.Finding toContract() {
        return new org.poahub.contract.Finding(code, severity, field, message);
    }
}
