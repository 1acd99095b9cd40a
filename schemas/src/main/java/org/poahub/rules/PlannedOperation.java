package org.poahub.rules;

import java.time.LocalDate;
import java.util.List;

/** An operation (operación) of the plan as the rules see it: its schedule and its budget lines. */
public record PlannedOperation(String code, int fiscalYear, LocalDate start, LocalDate end,
                               List<PlannedBudgetLine> budgetLines) {

    public PlannedOperation {
        budgetLines = List.copyOf(budgetLines);
    }
}
