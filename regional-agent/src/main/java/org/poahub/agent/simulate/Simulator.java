package org.poahub.agent.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportDraft;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * Generates plausible monthly progress and expenditure for the cached plan of a fiscal year (the SENAVEX 2020 plan
 * by default) through the same outbox. A share of the reports is deliberately invalid (unknown operation, negative
 * value, amount of zero, date outside the year) and is saved without the offline check, as a faulty or outdated
 * agent would, so the hub's rejection path can be demonstrated.
 */
public final class Simulator {

    private static final int PAGE = 5_000;

    private final AgentStore store;
    private final ReportFactory factory;
    private final Random random;

    public Simulator(AgentStore store, ReportFactory factory, long seed) {
        this.store = store;
        this.factory = factory;
        this.random = new Random(seed);
    }

    /**
     * @param count        how many reports; 0 = one year of monthly reports for every operation
     * @param invalidShare 0.0 … 1.0
     * @return how many reports were saved
     */
    public long run(int fiscalYear, long count, double invalidShare) {
        List<PlannedOperation> operations = store.planOperations(fiscalYear);
        if (operations.isEmpty()) {
            throw new IllegalStateException("No hay plan en caché para la gestión " + fiscalYear + ".");
        }
        long target = count > 0 ? count : monthlyCount(operations);
        long saved = 0;
        long made = 0;
        while (made < target) {
            List<ReportDraft> page = new ArrayList<>(PAGE);
            while (page.size() < PAGE && made < target) {
                PlannedOperation op = operations.get((int) (made % operations.size()));
                // one round = one report per operation; progress grows with the round so it never goes backwards
                long round = made / operations.size();
                int month = (int) (round % 12) + 1;
                page.add(random.nextDouble() < invalidShare ? invalid(fiscalYear, op, month)
                        : random.nextBoolean() || op.budgetLines().isEmpty() ? progress(fiscalYear, op, month, round)
                        : expenditure(fiscalYear, op, month));
                made++;
            }
            saved += store.save(page, null).saved().size();
        }
        return saved;
    }

    /**
     * One simulated month, as a regional office would report it: for every operation of the cached plan that runs
     * during the month, either its cumulative progress (months it has run so far; percent = share of its schedule
     * elapsed) or an expenditure on one of its budget lines; a share invalid as in {@link #run}. For callers that
     * pace a year month by month (the local stack's simulated agents).
     *
     * @param month 1 … 12
     * @return how many reports were saved
     */
    public long month(int fiscalYear, int month, double invalidShare) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1..12, not " + month);
        }
        List<PlannedOperation> operations = store.planOperations(fiscalYear);
        if (operations.isEmpty()) {
            throw new IllegalStateException("No hay plan en caché para la gestión " + fiscalYear + ".");
        }
        YearMonth ym = YearMonth.of(fiscalYear, month);
        List<ReportDraft> drafts = new ArrayList<>();
        for (PlannedOperation op : operations) {
            LocalDate start = op.start() == null ? ym.atDay(1) : op.start();
            LocalDate end = op.end() == null ? ym.atEndOfMonth() : op.end();
            if (start.isAfter(ym.atEndOfMonth()) || end.isBefore(ym.atDay(1))) {
                continue; // not running this month: nothing to report
            }
            drafts.add(random.nextDouble() < invalidShare ? invalid(fiscalYear, op, month)
                    : random.nextBoolean() || op.budgetLines().isEmpty() ? scheduledProgress(op, ym, start, end)
                    : scheduledExpenditure(op, ym, start, end));
        }
        return drafts.isEmpty() ? 0 : store.save(drafts, null).saved().size();
    }

    /**
     * One simulated month of a realistic year: for every operation of the cached plan running during the month (or
     * still catching up), its cumulative progress at the month end as {@code year} paces it, and one expenditure per
     * budget line with what the line spends that month (exact: the months add up to the year's total); plus, with
     * probability {@code invalidShare} per operation, one deliberately invalid report.
     *
     * @param month 1 … 12
     * @return how many reports were saved
     */
    public long month(int fiscalYear, int month, double invalidShare, SimulatedYear year) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1..12, not " + month);
        }
        List<PlannedOperation> operations = store.planOperations(fiscalYear);
        if (operations.isEmpty()) {
            throw new IllegalStateException("No hay plan en caché para la gestión " + fiscalYear + ".");
        }
        YearMonth ym = YearMonth.of(fiscalYear, month);
        List<ReportDraft> drafts = new ArrayList<>();
        int vouchers = 0;
        for (PlannedOperation op : operations) {
            LocalDate start = op.start() == null ? ym.atDay(1) : op.start();
            LocalDate end = op.end() == null ? ym.atEndOfMonth() : op.end();
            if (start.isAfter(ym.atEndOfMonth()) || end.isBefore(ym.atDay(1))) {
                continue; // not running this month: nothing to report
            }
            drafts.add(pacedProgress(op, ym, start, end, year));
            LocalDate from = start.isAfter(ym.atDay(1)) ? start : ym.atDay(1);
            LocalDate to = end.isBefore(ym.atEndOfMonth()) ? end : ym.atEndOfMonth();
            for (PlannedBudgetLine line : op.budgetLines()) {
                BigDecimal amount = year.spendIn(op, line, ym);
                if (amount.signum() > 0) {
                    drafts.add(factory.expenditure(new ExpenditureInput(fiscalYear, op.code(), objectCode(line),
                            line.fundingSource(), amount,
                            from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1)),
                            voucher(ym, ++vouchers), "Gasto de " + ym + " (simulado)", null)));
                }
            }
            if (random.nextDouble() < invalidShare) {
                drafts.add(invalid(fiscalYear, op, month));
            }
        }
        return drafts.isEmpty() ? 0 : store.save(drafts, null).saved().size();
    }

    /**
     * The voucher (comprobante) of a simulated expense: unique per office, month and expense, e.g.
     * {@code CBTE-BO-L-202003-0007}, so the local stack's simulated financial-system listing can match every one
     * (random numbers of two offices could collide and read as one voucher claimed twice).
     */
    private String voucher(YearMonth ym, int n) {
        return String.format(java.util.Locale.ROOT, "CBTE-%s-%d%02d-%04d", factory.region(), ym.getYear(),
                ym.getMonthValue(), n);
    }

    private ReportDraft pacedProgress(PlannedOperation op, YearMonth ym, LocalDate start, LocalDate end,
                                      SimulatedYear year) {
        LocalDate periodStart = start.isAfter(ym.atDay(1)) ? start : ym.atDay(1);
        LocalDate periodEnd = end.isBefore(ym.atEndOfMonth()) ? end : ym.atEndOfMonth();
        BigDecimal percent = year.progressPercent(op, ym);
        // cumulative value: months of the schedule done (the months it runs × the share done)
        long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
        BigDecimal done = BigDecimal.valueOf(months).multiply(percent).divide(BigDecimal.valueOf(100), 4,
                RoundingMode.HALF_UP);
        return factory.progress(new ProgressInput(op.fiscalYear(), op.code(), periodStart, periodEnd, done, percent,
                "Avance de " + ym + " (simulado)", List.of("INF-" + ym), "Simulador", null));
    }

    /** A group-level line ({@code 20000}) is charged on a detailed code of its group. */
    private static String objectCode(PlannedBudgetLine line) {
        return line.objectCode().endsWith("0000") ? line.objectCode().charAt(0) + "5220" : line.objectCode();
    }

    private ReportDraft scheduledExpenditure(PlannedOperation op, YearMonth ym, LocalDate start, LocalDate end) {
        LocalDate from = start.isAfter(ym.atDay(1)) ? start : ym.atDay(1);
        LocalDate to = end.isBefore(ym.atEndOfMonth()) ? end : ym.atEndOfMonth();
        return expenditure(op.fiscalYear(), op, ym.getMonthValue(),
                from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1)));
    }

    private ReportDraft scheduledProgress(PlannedOperation op, YearMonth ym, LocalDate start, LocalDate end) {
        LocalDate periodStart = start.isAfter(ym.atDay(1)) ? start : ym.atDay(1);
        LocalDate periodEnd = end.isBefore(ym.atEndOfMonth()) ? end : ym.atEndOfMonth();
        long monthsRun = ChronoUnit.MONTHS.between(YearMonth.from(start), ym) + 1;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, periodEnd) + 1;
        BigDecimal percent = BigDecimal.valueOf(Math.min(100, elapsed * 100 / Math.max(1, days)))
                .setScale(2, RoundingMode.UNNECESSARY);
        return factory.progress(new ProgressInput(op.fiscalYear(), op.code(), periodStart, periodEnd,
                BigDecimal.valueOf(monthsRun).setScale(4, RoundingMode.UNNECESSARY), percent,
                "Avance de " + ym + " (simulado)", List.of("INF-" + ym), "Simulador", null));
    }

    private static long monthlyCount(List<PlannedOperation> operations) {
        return operations.size() * 12L;
    }

    private ReportDraft progress(int year, PlannedOperation op, int month, long round) {
        YearMonth ym = YearMonth.of(year, month);
        BigDecimal achieved = BigDecimal.valueOf(round + 1).setScale(4, RoundingMode.UNNECESSARY);
        BigDecimal percent = BigDecimal.valueOf(Math.min(100, (month * 100L) / 12)).setScale(2, RoundingMode.UNNECESSARY);
        return factory.progress(new ProgressInput(year, op.code(), ym.atDay(1), ym.atEndOfMonth(), achieved, percent,
                "Avance del mes " + month + " (simulado)", List.of("INF-" + year + "-" + month), "Simulador", null));
    }

    private ReportDraft expenditure(int year, PlannedOperation op, int month) {
        return expenditure(year, op, month, null);
    }

    /** @param day the day spent, or null for a random day of the month */
    private ReportDraft expenditure(int year, PlannedOperation op, int month, LocalDate day) {
        PlannedBudgetLine line = op.budgetLines().get(random.nextInt(op.budgetLines().size()));
        BigDecimal monthly = line.amount().divide(BigDecimal.valueOf(120), 2, RoundingMode.HALF_UP)
                .max(new BigDecimal("1.00"));
        BigDecimal amount = monthly.multiply(BigDecimal.valueOf(50 + random.nextInt(100)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
        String object = objectCode(line);
        LocalDate spentOn = day != null ? day : YearMonth.of(year, month).atDay(1 + random.nextInt(28));
        return factory.expenditure(new ExpenditureInput(year, op.code(), object, line.fundingSource(), amount, spentOn,
                "CBTE-" + random.nextInt(1_000_000), "Gasto simulado", null));
    }

    private ReportDraft invalid(int year, PlannedOperation op, int month) {
        LocalDate day = YearMonth.of(year, month).atDay(10);
        return switch (random.nextInt(4)) {
            case 0 -> factory.progress(new ProgressInput(year, "99.99.99", day, day.plusDays(5), BigDecimal.ONE, null,
                    "Operación inexistente (simulado)", List.of(), "Simulador", null));
            case 1 -> factory.progress(new ProgressInput(year, op.code(), day, day.plusDays(5), new BigDecimal("-3"),
                    null, "Valor negativo (simulado)", List.of(), "Simulador", null));
            case 2 -> factory.expenditure(new ExpenditureInput(year, op.code(), "25220", "Columna 1", BigDecimal.ZERO, day,
                    "CBTE-0", "Monto cero (simulado)", null));
            default -> factory.expenditure(new ExpenditureInput(year, op.code(), "25220", "Columna 1", BigDecimal.TEN,
                    day.withYear(year + 1), "CBTE-1", "Fecha fuera de gestión (simulado)", null));
        };
    }
}
