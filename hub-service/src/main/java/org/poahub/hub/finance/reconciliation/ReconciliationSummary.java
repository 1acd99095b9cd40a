package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Adjustment;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.ExtractRef;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;

/**
 * What a run says, as of which inputs: totals per line status (count, SIGEP, regions, difference; they add up to
 * the total line, whose difference is SIGEP's total minus the regions'), SIGEP's DIFERENCIA lines apart (never a
 * failure), and the count and amounts per voucher finding. Scoped to one region for a REGIONAL caller.
 *
 * @param region            the region the figures are limited to; null = national (every line)
 * @param sigepAdjustments  the execution extract's DIFERENCIA lines (program total minus the sum of its lines); not
 *                          part of the line totals; national view only
 * @param vouchers          per finding; one voucher may carry two findings (amount and date), so the amounts of
 *                          different findings are not meant to be added
 */
record ReconciliationSummary(int fiscalYear, long runId, LocalDate cutOff, Instant computedAt, String trigger,
        BigDecimal tolerance, Instant reportsAsOf, Integer reportsCounted, ExtractRef executionExtract,
        ExtractRef voucherExtract, Long mappingId, String region, List<StatusTotal> lines, StatusTotal linesTotal,
        List<Adjustment> sigepAdjustments, BigDecimal sigepAdjustmentsTotal, List<FindingTotal> vouchers,
        int findingsTotal) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Lines of one status ({@code TOTAL} for all): how many, and their sums. */
    public record StatusTotal(String status, int count, BigDecimal sigep, BigDecimal regional, BigDecimal difference) {
    }

    /** Findings of one kind: how many, and the sums of the amounts they carry. */
    public record FindingTotal(String finding, int count, BigDecimal sigep, BigDecimal regional) {
    }

    static ReconciliationSummary of(Run run, ExtractRef execution, ExtractRef vouchers, String region,
            List<Line> lines, List<Adjustment> adjustments, List<Finding> findings) {
        List<StatusTotal> byStatus = new ArrayList<>();
        for (LineReconciler.Status status : LineReconciler.Status.values()) {
            byStatus.add(total(status.name(), lines.stream().filter(l -> l.status().equals(status.name())).toList()));
        }
        List<FindingTotal> byFinding = new ArrayList<>();
        for (VoucherReconciler.Finding finding : VoucherReconciler.Finding.values()) {
            List<Finding> of = findings.stream().filter(f -> f.finding().equals(finding.name())).toList();
            byFinding.add(new FindingTotal(finding.name(), of.size(), sum(of.stream().map(Finding::sigepAmount)),
                    sum(of.stream().map(Finding::regionalAmount))));
        }
        List<Adjustment> shown = region == null ? adjustments : List.of();
        return new ReconciliationSummary(run.fiscalYear(), run.id(), run.cutOff(), run.computedAt(), run.trigger(),
                run.tolerance(), run.reportsAsOf(), run.reportsCounted(), execution, vouchers, run.mappingId(), region,
                byStatus, total("TOTAL", lines), shown, sum(shown.stream().map(Adjustment::devengado)), byFinding,
                findings.size());
    }

    private static StatusTotal total(String status, List<Line> lines) {
        return new StatusTotal(status, lines.size(), sum(lines.stream().map(Line::sigepDevengado)),
                sum(lines.stream().map(Line::regionalSpent)), sum(lines.stream().map(Line::difference)));
    }

    private static BigDecimal sum(java.util.stream.Stream<BigDecimal> amounts) {
        return amounts.filter(java.util.Objects::nonNull).reduce(ZERO, BigDecimal::add);
    }
}
