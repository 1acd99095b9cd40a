package org.poahub.rules;

import java.math.BigDecimal;

/**
 * A budget line (partida + funding column) of an operation as the rules see it.
 *
 * @param objectCode    object of expenditure: a group such as {@code 20000} or a detailed code such as {@code 25220}
 * @param fundingSource funding column; blank matches any source
 */
public record PlannedBudgetLine(String objectCode, String fundingSource, BigDecimal amount) {

    /** Whether an expenditure on {@code code} from {@code source} is charged to this line. */
    public boolean covers(String code, String source) {
        boolean sourceMatches = fundingSource == null || fundingSource.isBlank() || fundingSource.equals(source);
        return sourceMatches && ObjectCodes.covers(objectCode, code);
    }
}
