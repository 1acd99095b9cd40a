package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.RegionFigures;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.RegionalShare;

/**
 * One line per region of the catalogue, read off the consolidated figures (never recomputed from reports): physical
 * progress is the mean of the region's operation progress (each capped at 100 %, as an action does), planned progress
 * the mean of those operations' planned progress, spend the sum of its spend. The budget is the region's share of
 * the operations the plan splits by region ({@link RegionalShare#budgetSharePercent()}); national operations carry no
 * regional budget, so a region without shares has no budget and no execution rate.
 */
final class RegionRollup {

    /** One region's figures; {@code operations} counts the operations it reported progress on. */
    record RegionSummary(String regionCode, String regionName, int operations, BigDecimal physicalProgress,
                         BigDecimal plannedProgress, BigDecimal variance, BigDecimal spent, BigDecimal budget,
                         BigDecimal executionPercent) {
    }

    private RegionRollup() {
    }

    static List<RegionSummary> of(Consolidation figures, Plan plan, RegionCatalogue catalogue) {
        List<OperationFigures> operations = figures.objectives().stream().flatMap(o -> o.actions().stream())
                .flatMap(a -> a.operations().stream()).toList();
        List<Operation> planned = plan.objectives().stream().flatMap(o -> o.actions().stream())
                .flatMap(a -> a.operations().stream()).toList();
        List<RegionSummary> result = new ArrayList<>();
        for (RegionCatalogue.Region region : catalogue.regions()) {
            List<BigDecimal> physical = new ArrayList<>();
            List<BigDecimal> plannedProgress = new ArrayList<>();
            BigDecimal spent = ProgressMath.ZERO;
            for (OperationFigures op : operations) {
                for (RegionFigures r : op.regions()) {
                    if (!r.regionCode().equals(region.code())) {
                        continue;
                    }
                    spent = spent.add(r.spent());
                    if (r.physicalProgress() != null) {
                        physical.add(ProgressMath.capAt100(r.physicalProgress()));
                        plannedProgress.add(op.progress().plannedProgress());
                    }
                }
            }
            BigDecimal budget = budget(planned, region.code());
            BigDecimal physicalMean = physical.isEmpty() ? null : ProgressMath.mean(physical);
            BigDecimal plannedMean = physical.isEmpty() ? null : ProgressMath.mean(plannedProgress);
            result.add(new RegionSummary(region.code(), region.name(), physical.size(), physicalMean, plannedMean,
                    physicalMean == null ? null : physicalMean.subtract(plannedMean), spent, budget,
                    budget == null ? null : ProgressMath.percent(spent, budget)));
        }
        return result;
    }

    private static BigDecimal budget(List<Operation> operations, String region) {
        BigDecimal sum = null;
        for (Operation op : operations) {
            for (RegionalShare share : op.regionalShares()) {
                if (share.regionCode().equals(region)) {
                    BigDecimal part = op.total().multiply(share.budgetSharePercent())
                            .divide(ProgressMath.HUNDRED, 2, java.math.RoundingMode.HALF_UP);
                    sum = sum == null ? part : sum.add(part);
                }
            }
        }
        return sum;
    }
}
