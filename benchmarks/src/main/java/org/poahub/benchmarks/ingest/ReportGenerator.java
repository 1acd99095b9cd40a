package org.poahub.benchmarks.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;

/**
 * Progress and expenditure reports of every region against a real plan, as the regional agents would send them:
 * operations the region carries, budgeted object codes and funding columns, cumulative progress that never goes
 * back for one operation and region, per-agent sequence numbers, and text fields of realistic length. A share of
 * reports names an operation the plan does not have, so the hub rejects them.
 *
 * <p>Not thread-safe; deterministic for a given seed.
 */
public final class ReportGenerator {

    /** What to send where. */
    public record GeneratedReport(String topic, String key, SpecificRecord report) {
    }

    /** An operation code no SENAVEX plan has: reports on it take the rejection path. */
    static final String UNKNOWN_OPERATION = "99.99.99";
    private static final double EXPENDITURE_SHARE = 0.6;
    private static final String[] NARRATIVES = {
            "Se emitieron certificados de origen en la oficina regional y en frontera",
            "Inspecciones a empresas exportadoras conforme al cronograma del trimestre",
            "Capacitación a exportadores sobre el registro y la verificación de origen",
            "Atención de solicitudes de registro de exportadores pendientes del mes anterior",
    };
    private static final String[] DESCRIPTIONS = {
            "Pasajes y viáticos, inspección en frontera",
            "Material de escritorio para la oficina regional",
            "Servicio de mantenimiento de equipos de computación",
            "Combustible para vehículos de verificación",
    };
    private static final String[] REPORTERS = {
            "María Quispe Mamani", "Juan Carlos Flores Choque", "Ana Gutiérrez Rojas", "Luis Fernando Vargas Condori",
    };

    /** @param maxCents the largest single expense: a thousandth of the line (at least 10 Bs), so lines fill slowly */
    private record Budget(String objectCode, String fundingColumn, long maxCents) {
    }

    private record Carried(Operation operation, List<Budget> budget) {
    }

    private static final class Progress {
        BigDecimal cumulative = BigDecimal.ZERO.setScale(4);
        int reports;
    }

    private final int fiscalYear;
    private final List<String> regions;
    private final Map<String, List<Carried>> operationsByRegion = new HashMap<>();
    private final Map<String, List<Carried>> budgetedByRegion = new HashMap<>();
    private final Map<String, Progress> progress = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final int agentsPerRegion;
    private final double invalidShare;
    private final SplittableRandom random;
    private long generated;

    public ReportGenerator(Plan plan, List<String> regions, int agentsPerRegion, double invalidPercent, long seed) {
        this.fiscalYear = plan.fiscalYear();
        this.regions = List.copyOf(regions);
        this.agentsPerRegion = agentsPerRegion;
        this.invalidShare = invalidPercent / 100.0;
        this.random = new SplittableRandom(seed);
        for (String region : regions) {
            List<Carried> carried = new ArrayList<>();
            for (Operation op : plan.operationsCarriedBy(region)) {
                carried.add(new Carried(op, budgetOf(plan, op)));
            }
            if (carried.isEmpty()) {
                throw new IllegalArgumentException("Region " + region + " carries no operation of the plan");
            }
            operationsByRegion.put(region, carried);
            budgetedByRegion.put(region, carried.stream().filter(c -> !c.budget().isEmpty()).toList());
        }
    }

    /** Budgeted object code × funding column pairs of the operation (those with a positive amount). */
    private static List<Budget> budgetOf(Plan plan, Operation op) {
        List<Budget> budget = new ArrayList<>();
        for (BudgetLine line : op.budgetLines()) {
            for (int column = 0; column < plan.fundingColumns().size(); column++) {
                BigDecimal amount = line.amount(column);
                if (amount != null && amount.signum() > 0) {
                    long maxCents = Math.max(1_000, amount.movePointRight(2).longValue() / 1_000);
                    budget.add(new Budget(line.objectCode(), plan.fundingColumns().get(column), maxCents));
                }
            }
        }
        return budget;
    }

    public long generated() {
        return generated;
    }

    /**
     * Moves past {@code count} reports as if they had been sent: where another generator from the same plan and seed
     * (another JVM's) has got to, so that this one goes on without repeating an agent's numbers or progress.
     */
    public void skip(long count) {
        for (long i = 0; i < count; i++) {
            next(Instant.EPOCH);
        }
    }

    /** The next report, stamped as reported at {@code reportedAt}. */
    public GeneratedReport next(Instant reportedAt) {
        generated++;
        String region = regions.get(random.nextInt(regions.size()));
        // Expenditure goes to operations with a budget; few of the plan's operations have one, so choose the kind first.
        List<Carried> budgeted = budgetedByRegion.get(region);
        boolean expenditure = !budgeted.isEmpty() && random.nextDouble() < EXPENDITURE_SHARE;
        List<Carried> candidates = expenditure ? budgeted : operationsByRegion.get(region);
        Carried target = candidates.get(random.nextInt(candidates.size()));
        boolean invalid = random.nextDouble() < invalidShare;
        String operationCode = invalid ? UNKNOWN_OPERATION : target.operation().code().value();
        String agent = "agent-" + region.toLowerCase(java.util.Locale.ROOT) + "-"
                + String.format("%02d", 1 + random.nextInt(agentsPerRegion));
        long sequence = sequences.merge(agent, 1L, Long::sum);
        String key = Topics.reportKey(region, operationCode);
        if (expenditure) {
            return new GeneratedReport(Topics.expenditure(region), key,
                    expenditure(region, agent, sequence, operationCode, target, reportedAt));
        }
        return new GeneratedReport(Topics.progress(region), key,
                progress(region, agent, sequence, operationCode, target, reportedAt));
    }

    private ProgressReport progress(String region, String agent, long sequence, String operationCode,
                                    Carried target, Instant reportedAt) {
        // Reports of one operation and region share a record key, so they reach the hub in this order.
        Progress state = progress.computeIfAbsent(region + "|" + operationCode, k -> new Progress());
        state.reports++;
        state.cumulative = state.cumulative.add(BigDecimal.valueOf(random.nextInt(0, 30_000), 4));
        // Monthly periods inside the operation's schedule, moving forward as reports accumulate.
        Operation op = target.operation();
        LocalDate first = op.start().withDayOfMonth(1);
        LocalDate periodStart = first.plusMonths(Math.min(state.reports / 25,
                java.time.temporal.ChronoUnit.MONTHS.between(first, op.end())));
        int month = periodStart.getMonthValue();
        BigDecimal percent = random.nextInt(3) == 0 ? null
                : BigDecimal.valueOf(Math.min(10_000, state.reports * 40L), 2).setScale(2, RoundingMode.UNNECESSARY);
        return ProgressReport.newBuilder()
                .setMessageId(new UUID(random.nextLong(), random.nextLong()))
                .setAgentId(agent).setRegionCode(region).setSequence(sequence).setFiscalYear(fiscalYear)
                .setOperationCode(operationCode)
                .setPeriodStart(periodStart).setPeriodEnd(periodEnd(periodStart, op))
                .setReportedAt(reportedAt)
                .setAchievedValue(state.cumulative).setPercentComplete(percent)
                .setNarrative(NARRATIVES[random.nextInt(NARRATIVES.length)])
                .setEvidence(List.of("INF/SENAVEX/" + region + "/" + sequence + "/" + fiscalYear, "ACTA " + month + "/" + fiscalYear))
                .setReporter(REPORTERS[random.nextInt(REPORTERS.length)]).setCorrectsMessageId(null)
                .setClientVersion("1.4.0")
                .build();
    }

    private static LocalDate periodEnd(LocalDate periodStart, Operation op) {
        LocalDate monthEnd = periodStart.withDayOfMonth(periodStart.lengthOfMonth());
        return monthEnd.isAfter(op.end()) ? op.end() : monthEnd;
    }

    private ExpenditureReport expenditure(String region, String agent, long sequence, String operationCode,
                                          Carried target, Instant reportedAt) {
        Budget line = target.budget().get(random.nextInt(target.budget().size()));
        return ExpenditureReport.newBuilder()
                .setMessageId(new UUID(random.nextLong(), random.nextLong()))
                .setAgentId(agent).setRegionCode(region).setSequence(sequence).setFiscalYear(fiscalYear)
                .setOperationCode(operationCode).setObjectCode(line.objectCode()).setFundingSource(line.fundingColumn())
                .setAmount(BigDecimal.valueOf(random.nextLong(100, line.maxCents() + 1), 2))
                .setSpentOn(LocalDate.ofYearDay(fiscalYear, 1 + random.nextInt(365)))
                // unique per agent and number, as a voucher is (ReconciliationBenchmark matches vouchers to them)
                .setDocumentNumber(agent.toUpperCase(java.util.Locale.ROOT) + "-" + sequence)
                .setDescription(DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)])
                .setReportedAt(reportedAt).setReversesMessageId(null).setClientVersion("1.4.0")
                .build();
    }
}
