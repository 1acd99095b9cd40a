package org.poahub.rules;

import java.util.List;
import org.poahub.contract.OutcomeStatus;

/** The findings of all rules for one report and the outcome they lead to. */
public record ValidationResult(List<Finding> findings, OutcomeStatus status) {

    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public static ValidationResult of(List<Finding> findings) {
        OutcomeStatus status = findings.stream().anyMatch(Finding::isError) ? OutcomeStatus.REJECTED
                : findings.isEmpty() ? OutcomeStatus.ACCEPTED : OutcomeStatus.ACCEPTED_WITH_WARNINGS;
        return new ValidationResult(findings, status);
    }

    public boolean rejected() {
        return status == OutcomeStatus.REJECTED;
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }
}
