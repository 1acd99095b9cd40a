package org.poahub.routes.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.poahub.contract.ExpenditureGroup;
import org.poahub.contract.PlanAction;
import org.poahub.contract.PlanBudgetLine;
import org.poahub.contract.PlanOperation;
import org.poahub.contract.PlanRegionalShare;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.PlanTargetKind;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.RegionalShare;

/**
 * Cuts a plan version into one {@link PlanSnapshot} per region of the catalogue: the operations the region carries
 * (every national operation, plus those whose regional breakdown names it, with its share), all actions, and the
 * classifier groups, so that an agent can validate reports offline with the same rules as the hub.
 */
public final class PlanSnapshots {

    private PlanSnapshots() {
    }

    public static List<PlanSnapshot> perRegion(Plan plan, int planVersion, RegionCatalogue regions,
            ObjectOfExpenditureClassifier classifier, Instant publishedAt) {
        List<PlanAction> actions = plan.actions().stream()
                .map(a -> new PlanAction(a.code(), a.name(), a.weight())).toList();
        List<ExpenditureGroup> groups = classifier.groups().stream()
                .map(g -> new ExpenditureGroup(g.code(), g.name())).toList();
        return regions.regions().stream().map(region -> PlanSnapshot.newBuilder()
                .setRegionCode(region.code())
                .setFiscalYear(plan.fiscalYear())
                .setPlanVersion(planVersion)
                .setEntityCode(plan.entityCode())
                .setEntityAcronym(plan.entityAcronym())
                .setPublishedAt(publishedAt)
                .setFundingColumns(plan.fundingColumns())
                .setActions(actions)
                .setOperations(plan.operationsCarriedBy(region.code()).stream()
                        .map(op -> operation(op, region.code())).toList())
                .setExpenditureGroups(groups)
                .build()).toList();
    }

    private static PlanOperation operation(Operation op, String regionCode) {
        return PlanOperation.newBuilder()
                .setCode(op.code().value())
                .setName(op.name())
                .setExpectedResult(op.expectedResult())
                .setIndicator(op.indicator())
                .setTargetKind(PlanTargetKind.valueOf(op.target().kind().name()))
                .setTargetValue(op.target().value() == null ? null : scale(op.target().value(), 4))
                .setMeansOfVerification(op.meansOfVerification())
                .setStartDate(op.start())
                .setEndDate(op.end())
                .setResponsibleUnit(op.responsibleUnit())
                .setBudgetLines(op.budgetLines().stream()
                        .map(l -> new PlanBudgetLine(l.objectCode(), l.amounts().stream().map(a -> scale(a, 2)).toList()))
                        .toList())
                .setRegionalShare(op.regionalShares().stream().filter(s -> s.regionCode().equals(regionCode)).findFirst()
                        .map(PlanSnapshots::share).orElse(null))
                .build();
    }

    private static PlanRegionalShare share(RegionalShare s) {
        return new PlanRegionalShare(scale(s.targetSharePercent(), 4), scale(s.budgetSharePercent(), 4));
    }

    /** Avro decimals must carry exactly the schema's scale; the model's values never need rounding to reach it. */
    private static BigDecimal scale(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
