package org.poahub.rules;

import org.poahub.contract.Severity;

/**
 * The configurable part of the rules.
 *
 * @param unbudgetedObject severity of an expenditure on an object code not budgeted for the operation
 */
public record RuleSettings(Severity unbudgetedObject) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Severity.WARNING);
}
