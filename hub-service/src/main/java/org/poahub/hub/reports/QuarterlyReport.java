package org.poahub.hub.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency;

/**
 * "Informe de seguimiento y evaluación al POA" of a quarter: the consolidated figures as of the quarter's last day,
 * one line per action and operation (physical progress against the schedule, budget execution), the operations that
 * deviate with their justification (observation comments), and the signature block.
 */
public record QuarterlyReport(int fiscalYear, int quarter, LocalDate asOf, int planVersion, String entityAcronym,
                              Consolidation.Progress progress, Consolidation.Money money, List<Line> lines,
                              List<Deviation> deviations, ReviewTrail.Signatures signatures, Efficiency efficiency) {

    /**
     * The quarterly physical–financial follow-up's indicators (docs/finance.md) for the entity and each action, with
     * where the executed amounts come from; null when the follow-up could not be computed.
     */
    public record Efficiency(String sourceNote, List<EfficiencyLine> lines) {
    }

    /** The entity ({@code weight} null) or an action: executed, its source and the two indicators with their bands. */
    public record EfficiencyLine(String code, String name, Integer weight, BigDecimal executed, String source,
                                 BigDecimal financialPercent, BigDecimal physicalPercent, BigDecimal weightedEfficiency,
                                 String weightedLabel, BigDecimal relativeEfficiency, String relativeLabel) {
    }

    /** An action ({@code operation} false) or an operation of the plan. */
    public record Line(String code, String name, boolean operation, BigDecimal physicalProgress,
                       BigDecimal plannedProgress, BigDecimal variance, String status, BigDecimal budget,
                       BigDecimal spent, BigDecimal executionPercent) {
    }

    /** An operation whose status is not on schedule, with the observations that justify it. */
    public record Deviation(String operationCode, String operationName, BigDecimal variance, String status,
                            List<String> justifications) {
    }

    /** The figures of {@code c} (as of the quarter's end) with the review trail's comments and signatures. */
    static QuarterlyReport of(int quarter, Consolidation c, List<ReviewTrail.Observation> observations,
                              ReviewTrail.Signatures signatures) {
        return of(quarter, c, observations, signatures, null);
    }

    /** As above, with the follow-up's entity and action rows ({@code efficiency} null: none). */
    static QuarterlyReport of(int quarter, Consolidation c, List<ReviewTrail.Observation> observations,
                              ReviewTrail.Signatures signatures, QuarterlyEfficiency efficiency) {
        List<Line> lines = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        for (ObjectiveFigures objective : c.objectives()) {
            for (ActionFigures action : objective.actions()) {
                lines.add(new Line(action.code(), action.name(), false, action.progress().physicalProgress(),
                        action.progress().plannedProgress(), action.progress().variance(),
                        action.progress().statusLabel(), action.money().budget(), action.money().spent(),
                        action.money().executionPercent()));
                for (OperationFigures op : action.operations()) {
                    lines.add(new Line(op.code(), op.name(), true, op.progress().physicalProgress(),
                            op.progress().plannedProgress(), op.progress().variance(), op.progress().statusLabel(),
                            op.money().budget(), op.money().spent(), op.money().executionPercent()));
                    List<String> justifications = observations.stream()
                            .filter(o -> op.code().equals(o.operationCode()))
                            .map(o -> o.regionCode() + " (" + o.periodEnd() + ", " + o.author() + "): " + o.comment())
                            .toList();
                    if (op.progress().status() != org.poahub.hub.consolidation.ProgressStatus.ON_TRACK
                            || !justifications.isEmpty()) {
                        deviations.add(new Deviation(op.code(), op.name(), op.progress().variance(),
                                op.progress().statusLabel(), justifications));
                    }
                }
            }
        }
        return new QuarterlyReport(c.fiscalYear(), quarter, c.asOf(), c.planVersion(), c.entityAcronym(),
                c.progress(), c.money(), lines, deviations, signatures, efficiency == null ? null
                : new Efficiency(efficiency.sourceNote(), efficiency.rows().stream()
                        .filter(r -> r.level() == QuarterlyEfficiency.Level.ENTIDAD
                                || r.level() == QuarterlyEfficiency.Level.ACCION)
                        .map(r -> new EfficiencyLine(r.code(), r.name(), r.weight(), r.executed(),
                                r.source() == QuarterlyEfficiency.Source.SIGEP ? "SIGEP" : "Regionales",
                                r.financialPercent(), r.physicalPercent(), r.weightedEfficiency(), r.weightedLabel(),
                                r.relativeEfficiency(), r.relativeLabel()))
                        .toList()));
    }
}
