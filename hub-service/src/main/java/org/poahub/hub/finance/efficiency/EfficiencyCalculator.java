package org.poahub.hub.finance.efficiency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.Progress;
import org.poahub.hub.consolidation.EfficiencyMath;
import org.poahub.hub.consolidation.ProgressMath;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Level;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Row;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Source;
import org.poahub.hub.finance.reconciliation.SigepDevengado;

/**
 * The quarterly physical–financial follow-up from the consolidated figures at the quarter's end (progress, planned
 * progress, budget and regional spend: the consolidation's, never recomputed) and SIGEP's devengado at that date when
 * an extract covers it (docs/finance.md, "Quarterly physical–financial follow-up").
 * <ul>
 * <li>Meta física = planned progress at the quarter's end, as the consolidation rolls it up.</li>
 * <li>Programmed budget of an operation = budget × planned progress / 100, to the cent (half up): the plan programmes
 * no monthly budget, so the budget follows the operation's schedule like its progress; above an operation it is the
 * sum. Meta financiera = programmed budget / budget × 100.</li>
 * <li>Executed = SIGEP's devengado when an extract covers the quarter and every category programática of the row's
 * operations belongs to the row alone (a category shared with operations outside the row cannot be split), else the
 * regions' accepted expenditure, and the row says why.</li>
 * </ul>
 */
public final class EfficiencyCalculator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Optional<SigepDevengado.AtCutOff> sigep;

    private EfficiencyCalculator(Optional<SigepDevengado.AtCutOff> sigep) {
        this.sigep = sigep;
    }

    /** {@code figures}: the consolidation as of the quarter's last day ({@code asOf}). */
    public static QuarterlyEfficiency compute(Consolidation figures, int quarter,
            Optional<SigepDevengado.AtCutOff> sigep) {
        return new EfficiencyCalculator(sigep).of(figures, quarter);
    }

    private QuarterlyEfficiency of(Consolidation c, int quarter) {
        List<Row> rows = new ArrayList<>();
        List<OperationFigures> all = c.objectives().stream().flatMap(o -> o.actions().stream())
                .flatMap(a -> a.operations().stream()).toList();
        rows.add(row(Level.ENTIDAD, c.entityCode(), c.entityAcronym(), null, null, null, c.progress(),
                c.money(), all));
        for (ObjectiveFigures o : c.objectives()) {
            List<OperationFigures> ofObjective = o.actions().stream().flatMap(a -> a.operations().stream()).toList();
            rows.add(row(Level.OBJETIVO, o.code(), o.name(), o.code(), null, null, o.progress(), o.money(),
                    ofObjective));
            for (ActionFigures a : o.actions()) {
                rows.add(row(Level.ACCION, a.code(), a.name(), o.code(), a.code(), a.weight(), a.progress(),
                        a.money(), a.operations()));
                for (OperationFigures op : a.operations()) {
                    rows.add(row(Level.OPERACION, op.code(), op.name(), o.code(), a.code(), null, op.progress(),
                            op.money(), List.of(op)));
                }
            }
        }
        String note = sigep.map(s -> "Ejecutado: devengado del SIGEP, extracto de ejecución " + s.source().extractId()
                        + " (versión " + s.source().version() + ", corte " + s.source().cutOff().format(DATE)
                        + ") con el mapeo presupuestario versión " + s.source().mappingVersion()
                        + "; donde no se puede atribuir, gasto de los reportes regionales aceptados.")
                .orElse("Ejecutado: gasto de los reportes regionales aceptados hasta el " + c.asOf().format(DATE)
                        + " (no hay extracto de ejecución del SIGEP con corte a esa fecha y mapeo presupuestario).");
        return new QuarterlyEfficiency(c.fiscalYear(), quarter, c.asOf(), c.planVersion(), c.entityAcronym(),
                sigep.map(SigepDevengado.AtCutOff::source).orElse(null), note, rows);
    }

    private Row row(Level level, String code, String name, String objective, String action, Integer weight,
            Progress progress, Consolidation.Money money, List<OperationFigures> operations) {
        BigDecimal budget = money.budget();
        BigDecimal programmed = operations.stream().map(EfficiencyCalculator::programmed)
                .reduce(QuarterlyEfficiency.zero(), BigDecimal::add);
        Attribution attribution = attribute(operations.stream().map(OperationFigures::code)
                .collect(Collectors.toCollection(TreeSet::new)));
        boolean fromSigep = attribution.devengado() != null;
        BigDecimal executed = fromSigep ? attribution.devengado() : money.spent();
        BigDecimal financial = ProgressMath.percent(executed, budget);
        BigDecimal financialTarget = ProgressMath.percent(programmed, budget);
        // an operation counts at most 100 % (as in the consolidation's rollups); levels above are already within it
        BigDecimal physical = ProgressMath.capAt100(progress.physicalProgress());
        BigDecimal physicalTarget = progress.plannedProgress();
        EfficiencyMath.Weighted weighted = EfficiencyMath.weighted(physical, physicalTarget, financial, financialTarget);
        EfficiencyMath.Relative relative = EfficiencyMath.relative(physical, financial);
        return new Row(level, code, name, objective, action, weight, budget, programmed, money.spent(),
                attribution.devengado(), executed, fromSigep ? Source.SIGEP : Source.REGIONALES, attribution.note(),
                financial, financialTarget, physical, physicalTarget, weighted.physicalAttainment(),
                weighted.financialAttainment(), weighted.value(), weighted.band().name(), weighted.label(),
                relative.value(), relative.band().name(), relative.label());
    }

    /** Budget × planned progress / 100, to the cent. */
    static BigDecimal programmed(OperationFigures op) {
        return op.money().budget().multiply(op.progress().plannedProgress())
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** SIGEP's devengado of a set of operations, or why it cannot be attributed to them (Spanish). */
    private record Attribution(BigDecimal devengado, String note) {
    }

    private Attribution attribute(Set<String> operations) {
        if (sigep.isEmpty()) {
            return new Attribution(null, null);
        }
        SigepDevengado.AtCutOff s = sigep.get();
        Set<String> categories = new TreeSet<>();
        for (String op : operations) {
            String category = s.categoryOfOperation().get(op);
            if (category == null) {
                return new Attribution(null, "La operación " + op + " no tiene categoría programática en el mapeo"
                        + " presupuestario: se usa el gasto regional.");
            }
            categories.add(category);
        }
        BigDecimal devengado = QuarterlyEfficiency.zero();
        for (String category : categories) {
            List<String> others = s.operationsOf(category).stream().filter(op -> !operations.contains(op)).toList();
            if (!others.isEmpty()) {
                return new Attribution(null, "La categoría programática " + category + " también es de "
                        + String.join(", ", others) + ": el SIGEP no separa su devengado, se usa el gasto regional.");
            }
            devengado = devengado.add(s.devengadoOf(category));
        }
        return new Attribution(devengado, null);
    }
}
