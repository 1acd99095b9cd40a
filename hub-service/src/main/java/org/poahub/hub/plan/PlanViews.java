package org.poahub.hub.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionalShare;
import org.poahub.plan.Target;

/** The JSON shapes of the plan read API (codes as plain strings, group names from the classifier). */
final class PlanViews {

    private PlanViews() {
    }

    record PlanTree(PlanVersion version, List<String> fundingColumns, List<BigDecimal> totalsByFundingColumn,
            BigDecimal grandTotal, List<ObjectiveView> objectives) {
    }

    record ObjectiveView(String code, String name, int weightSum, List<ActionView> actions) {
    }

    record ActionView(String code, String name, int weight, List<OperationView> operations) {
    }

    record OperationView(String code, String name, String expectedResult, String indicator, Target target,
            String meansOfVerification, LocalDate start, LocalDate end, String responsibleUnit,
            List<BudgetLineView> budgetLines, List<BigDecimal> totalsByFundingColumn, boolean national,
            List<RegionalShare> regionalShares) {
    }

    record BudgetLineView(String objectCode, String groupCode, String groupName, List<BigDecimal> amounts) {
    }

    record OperationDetail(PlanVersion version, OperationStatus status, List<String> fundingColumns,
            OperationView operation) {
    }

    record GroupTotal(String name, List<BigDecimal> amounts) {
    }

    record Totals(PlanVersion version, List<String> fundingColumns, List<BigDecimal> byFundingColumn,
            BigDecimal grandTotal, Map<String, List<BigDecimal>> byObjective, Map<String, List<BigDecimal>> byAction,
            Map<String, GroupTotal> byExpenditureGroup) {
    }

    record VersionDiff(int fiscalYear, int from, int to, PlanDiff diff) {
    }

    static PlanTree tree(PlanVersion version, Plan plan, ObjectOfExpenditureClassifier classifier) {
        return new PlanTree(version, plan.fundingColumns(), plan.totalsByFundingColumn(), plan.grandTotal(),
                plan.objectives().stream().map(o -> objective(o, plan, classifier)).toList());
    }

    private static ObjectiveView objective(Objective o, Plan plan, ObjectOfExpenditureClassifier classifier) {
        return new ObjectiveView(o.code(), o.name(), o.weightSum(),
                o.actions().stream().map(a -> action(a, plan, classifier)).toList());
    }

    private static ActionView action(Action a, Plan plan, ObjectOfExpenditureClassifier classifier) {
        return new ActionView(a.code(), a.name(), a.weight(),
                a.operations().stream().map(op -> operation(op, plan, classifier)).toList());
    }

    static OperationView operation(Operation op, Plan plan, ObjectOfExpenditureClassifier classifier) {
        return new OperationView(op.code().value(), op.name(), op.expectedResult(), op.indicator(), op.target(),
                op.meansOfVerification(), op.start(), op.end(), op.responsibleUnit(),
                op.budgetLines().stream().map(l -> line(l, classifier)).toList(),
                op.totalsByColumn(plan.fundingColumns().size()), op.isNational(), op.regionalShares());
    }

    private static BudgetLineView line(BudgetLine l, ObjectOfExpenditureClassifier classifier) {
        return new BudgetLineView(l.objectCode(), l.groupCode(),
                classifier.groupOf(l.objectCode()).map(ObjectOfExpenditureClassifier.Group::name).orElse(""), l.amounts());
    }

    static Totals totals(PlanVersion version, Plan plan, ObjectOfExpenditureClassifier classifier) {
        Map<String, GroupTotal> groups = new LinkedHashMap<>();
        plan.totalsByExpenditureGroup().forEach((code, amounts) -> groups.put(code, new GroupTotal(
                classifier.groupOf(code).map(ObjectOfExpenditureClassifier.Group::name).orElse(""), amounts)));
        return new Totals(version, plan.fundingColumns(), plan.totalsByFundingColumn(), plan.grandTotal(),
                plan.totalsByObjective(), plan.totalsByAction(), groups);
    }
}
