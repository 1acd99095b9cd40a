package org.poahub.agent.plan;

import java.util.ArrayList;
import java.util.List;
import org.poahub.contract.PlanBudgetLine;
import org.poahub.contract.PlanOperation;
import org.poahub.contract.PlanSnapshot;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/** Turns the hub's plan snapshot for this region (topic {@code poa.plan}) into the plan cache's operations. */
public final class PlanSnapshots {

    private PlanSnapshots() {
    }

    /** One planned budget line per object code and funding column with a non-zero (national) amount. */
    public static List<PlannedOperation> operations(PlanSnapshot snapshot) {
        List<PlannedOperation> operations = new ArrayList<>();
        for (PlanOperation op : snapshot.getOperations()) {
            List<PlannedBudgetLine> lines = new ArrayList<>();
            for (PlanBudgetLine line : op.getBudgetLines()) {
                for (int c = 0; c < line.getAmounts().size() && c < snapshot.getFundingColumns().size(); c++) {
                    if (line.getAmounts().get(c).signum() > 0) {
                        lines.add(new PlannedBudgetLine(line.getObjectCode(), snapshot.getFundingColumns().get(c),
                                line.getAmounts().get(c)));
                    }
                }
            }
            operations.add(new PlannedOperation(op.getCode(), snapshot.getFiscalYear(), op.getStartDate(),
                    op.getEndDate(), lines));
        }
        return operations;
    }

    public static String version(PlanSnapshot snapshot) {
        return "servidor-v" + snapshot.getPlanVersion() + "-" + snapshot.getPublishedAt();
    }
}
