package org.poahub.hub.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;

/**
 * What changed between two versions of a plan (<i>reformulación</i>): actions and operations added or removed,
 * changed fields (the target among them), and budget lines added, removed or with changed amounts.
 */
public record PlanDiff(
        List<String> addedActions,
        List<String> removedActions,
        List<FieldChange> actionChanges,
        List<String> addedOperations,
        List<String> removedOperations,
        List<FieldChange> operationChanges,
        List<BudgetLineChange> budgetLineChanges) {

    /** A field of an action or operation with its value before and after, as text. */
    public record FieldChange(String code, String field, String before, String after) {
    }

    public enum ChangeKind { ADDED, REMOVED, AMOUNT_CHANGED }

    /** A budget line of an operation present in both versions; amounts per funding column, null when absent. */
    public record BudgetLineChange(String operationCode, String objectCode, ChangeKind kind, List<BigDecimal> before,
            List<BigDecimal> after) {
    }

    public boolean isEmpty() {
        return addedActions.isEmpty() && removedActions.isEmpty() && actionChanges.isEmpty() && addedOperations.isEmpty()
                && removedOperations.isEmpty() && operationChanges.isEmpty() && budgetLineChanges.isEmpty();
    }

    public static PlanDiff between(Plan from, Plan to) {
        Map<String, Action> fromActions = index(from.actions(), Action::code);
        Map<String, Action> toActions = index(to.actions(), Action::code);
        List<FieldChange> actionChanges = new ArrayList<>();
        for (Action before : fromActions.values()) {
            Action after = toActions.get(before.code());
            if (after != null) {
                compare(actionChanges, before.code(), "nombre", before.name(), after.name());
                compare(actionChanges, before.code(), "peso", before.weight(), after.weight());
            }
        }
        Map<String, Operation> fromOps = index(from.operations(), o -> o.code().value());
        Map<String, Operation> toOps = index(to.operations(), o -> o.code().value());
        List<FieldChange> opChanges = new ArrayList<>();
        List<BudgetLineChange> lineChanges = new ArrayList<>();
        for (Operation before : fromOps.values()) {
            Operation after = toOps.get(before.code().value());
            if (after == null) {
                continue;
            }
            String code = before.code().value();
            compare(opChanges, code, "nombre", before.name(), after.name());
            compare(opChanges, code, "resultado esperado", before.expectedResult(), after.expectedResult());
            compare(opChanges, code, "indicador", before.indicator(), after.indicator());
            compare(opChanges, code, "meta", targetText(before), targetText(after));
            compare(opChanges, code, "medio de verificación", before.meansOfVerification(), after.meansOfVerification());
            compare(opChanges, code, "inicio", before.start(), after.start());
            compare(opChanges, code, "fin", before.end(), after.end());
            compare(opChanges, code, "unidad responsable", before.responsibleUnit(), after.responsibleUnit());
            compare(opChanges, code, "distribución regional", before.regionalShares(), after.regionalShares());
            Map<String, BudgetLine> fromLines = index(before.budgetLines(), BudgetLine::objectCode);
            Map<String, BudgetLine> toLines = index(after.budgetLines(), BudgetLine::objectCode);
            for (BudgetLine line : fromLines.values()) {
                BudgetLine other = toLines.get(line.objectCode());
                if (other == null) {
                    lineChanges.add(new BudgetLineChange(code, line.objectCode(), ChangeKind.REMOVED, line.amounts(), null));
                } else if (!other.amounts().equals(line.amounts())) {
                    lineChanges.add(new BudgetLineChange(code, line.objectCode(), ChangeKind.AMOUNT_CHANGED,
                            line.amounts(), other.amounts()));
                }
            }
            for (BudgetLine line : toLines.values()) {
                if (!fromLines.containsKey(line.objectCode())) {
                    lineChanges.add(new BudgetLineChange(code, line.objectCode(), ChangeKind.ADDED, null, line.amounts()));
                }
            }
        }
        return new PlanDiff(missing(toActions, fromActions), missing(fromActions, toActions), actionChanges,
                missing(toOps, fromOps), missing(fromOps, toOps), opChanges, lineChanges);
    }

    private static String targetText(Operation op) {
        var t = op.target();
        return t.value() == null ? t.kind().name() : t.value().toPlainString() + " " + t.kind().name();
    }

    private static void compare(List<FieldChange> changes, String code, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(code, field, String.valueOf(before), String.valueOf(after)));
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    /** Keys of {@code a} that {@code b} does not have, in {@code a}'s order. */
    private static List<String> missing(Map<String, ?> a, Map<String, ?> b) {
        return a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
    }
}
