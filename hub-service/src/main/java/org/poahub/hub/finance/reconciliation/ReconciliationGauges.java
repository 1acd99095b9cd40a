package org.poahub.hub.finance.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.OpenCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The open differences of the newest reconciliation run of each gestión as gauges (docs/finance.md, "Alerts and
 * gauges"), exported at {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code poa.finance.reconciliation.open.lines{year,status}}: lines not CONCILIADO (DIFERENCIA, SOLO_EN_SIGEP,
 * SOLO_EN_REGIONALES; 0 when none);</li>
 * <li>{@code poa.finance.reconciliation.open.amount{year,status}}: their Σ |SIGEP − regions| in bolivianos;</li>
 * <li>{@code poa.finance.reconciliation.open.vouchers{year,finding}}: voucher findings not CONCILIADO.</li>
 * </ul>
 * Read from PostgreSQL every {@code poa.finance.alerts.gauge-refresh} (as the consumer-lag gauge is refreshed on a
 * schedule), so a scrape never waits for the database.
 */
@Component
class ReconciliationGauges {

    static final String LINES = "poa.finance.reconciliation.open.lines";
    static final String AMOUNT = "poa.finance.reconciliation.open.amount";
    static final String VOUCHERS = "poa.finance.reconciliation.open.vouchers";
    private static final Logger log = LoggerFactory.getLogger(ReconciliationGauges.class);

    private final JdbcReconciliationRepository repository;
    private final MultiGauge lines;
    private final MultiGauge amount;
    private final MultiGauge vouchers;
    private volatile boolean lastFailed;

    ReconciliationGauges(JdbcReconciliationRepository repository, MeterRegistry registry) {
        this.repository = repository;
        this.lines = MultiGauge.builder(LINES)
                .description("Reconciliation lines that are not CONCILIADO in the newest run of each gestión")
                .register(registry);
        this.amount = MultiGauge.builder(AMOUNT).baseUnit("bolivianos")
                .description("Sum of |SIGEP devengado - regional spend| of those lines").register(registry);
        this.vouchers = MultiGauge.builder(VOUCHERS)
                .description("Voucher findings that are not CONCILIADO in the newest run of each gestión")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${poa.finance.alerts.gauge-refresh:30s}",
            fixedDelayString = "${poa.finance.alerts.gauge-refresh:30s}")
    public void refresh() {
        try {
            List<Integer> years = repository.yearsWithRuns();
            Map<List<String>, OpenCount> open = index(repository.openLines());
            List<MultiGauge.Row<?>> count = new ArrayList<>();
            List<MultiGauge.Row<?>> sum = new ArrayList<>();
            for (int year : years) {
                for (LineReconciler.Status status : LineReconciler.Status.values()) {
                    if (status != LineReconciler.Status.CONCILIADO) {
                        OpenCount c = open.get(List.of(String.valueOf(year), status.name()));
                        Tags tags = Tags.of("year", String.valueOf(year), "status", status.name());
                        count.add(MultiGauge.Row.of(tags, c == null ? 0 : c.count()));
                        sum.add(MultiGauge.Row.of(tags, c == null ? 0 : c.amount().doubleValue()));
                    }
                }
            }
            Map<List<String>, Long> findings = new HashMap<>();
            repository.openFindings().forEach(f -> findings.put(List.of(String.valueOf(f.fiscalYear()), f.finding()),
                    f.count()));
            List<MultiGauge.Row<?>> voucherRows = new ArrayList<>();
            for (int year : years) {
                for (VoucherReconciler.Finding finding : VoucherReconciler.Finding.values()) {
                    if (finding != VoucherReconciler.Finding.CONCILIADO) {
                        voucherRows.add(MultiGauge.Row.of(Tags.of("year", String.valueOf(year), "finding",
                                finding.name()), findings.getOrDefault(List.of(String.valueOf(year), finding.name()),
                                0L)));
                    }
                }
            }
            lines.register(count, true);
            amount.register(sum, true);
            vouchers.register(voucherRows, true);
            lastFailed = false;
        } catch (RuntimeException e) {
            // the database health indicator reports the outage; log once per outage rather than every refresh
            if (!lastFailed) {
                log.warn("Cannot read the open reconciliation differences: {}", e.toString());
            }
            lastFailed = true;
        }
    }

    private static Map<List<String>, OpenCount> index(List<OpenCount> counts) {
        Map<List<String>, OpenCount> byKey = new HashMap<>();
        counts.forEach(c -> byKey.put(List.of(String.valueOf(c.fiscalYear()), c.status()), c));
        return byKey;
    }
}
