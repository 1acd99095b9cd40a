package org.poahub.hub.finance.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMappingRepository;
import org.poahub.hub.finance.mapping.BudgetMappingRepository.MappingVersion;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.ExtractRef;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.ReportsSeen;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;
import org.poahub.hub.finance.reconciliation.LineKeys.Detail;
import org.poahub.hub.finance.reconciliation.LineKeys.Key;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.SigepVoucher;
import org.poahub.routes.finance.ExtractKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles a gestión (docs/finance.md, "Reconciliation"): the extracts in force (the newest EJECUCION and
 * COMPROBANTES of the gestión's latest cut-off date) against the regions' accepted expenditure up to that date,
 * through the mapping in force, with {@link LineReconciler} and {@link VoucherReconciler}; the run, its lines and
 * its findings are stored in one transaction. Runs are kept; the newest one of a gestión is the one shown.
 */
@Service
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    /** Where the listing is read while the claims are (never the shared pool, for a blocking query). */
    private static final Executor LISTING_READER = OwnThreads.named("reconciliation-listing-");

    private final JdbcReconciliationRepository repository;
    private final BudgetMappingRepository mappings;
    private final ReconciliationProperties properties;
    private final ApplicationEventPublisher events;

    ReconciliationService(JdbcReconciliationRepository repository, BudgetMappingRepository mappings,
            ReconciliationProperties properties, ApplicationEventPublisher events) {
        this.repository = repository;
        this.mappings = mappings;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Computes and stores a new run. Its own transaction (it is also called after another one committed, from the
     * extract-loaded listener). {@code actor} not null: asked for by that user, audited as
     * {@code FINANCE_RECONCILIATION_RUN}.
     *
     * @throws ReconciliationRefusedException without a mapping or an extract for the gestión
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long run(int fiscalYear, String trigger, String actor) {
        repository.lock(fiscalYear);
        Inputs inputs = inputs(fiscalYear);
        long runId = compute(fiscalYear, inputs, trigger);
        if (actor != null) {
            events.publishEvent(new StaffAction(actor, "FINANCE_RECONCILIATION_RUN", "conciliacion/" + fiscalYear
                    + "/" + inputs.cutOff(), Map.of(), Map.of("runId", runId, "cutOff", inputs.cutOff().toString(),
                    "trigger", trigger)));
        }
        return runId;
    }

    /**
     * Recomputes the gestión when its newest run is missing or stale: the extracts or the mapping in force changed,
     * or the count of accepted regional expenditure reports up to the cut-off differs from the run's (late reports).
     * Does nothing when there is no mapping or no extract yet. Returns the new run's id.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> runIfStale(int fiscalYear) {
        repository.lock(fiscalYear);
        Optional<MappingVersion> mapping = mappings.current(fiscalYear);
        if (mapping.isEmpty() || repository.extractsInForce(fiscalYear).isEmpty()) {
            return Optional.empty();
        }
        Inputs inputs = inputs(fiscalYear);
        Optional<String> reason = staleReason(inputs, repository.reportsSeen(fiscalYear, inputs.cutOff()),
                repository.latestRun(fiscalYear));
        return reason.map(r -> compute(fiscalYear, inputs, r));
    }

    /** The gestiones the hub has extracts of (candidates for {@link #runIfStale}). */
    public List<Integer> yearsWithExtracts() {
        return repository.yearsWithExtracts();
    }

    private record Inputs(MappingVersion mapping, Optional<ExtractRef> execution, Optional<ExtractRef> vouchers,
            java.time.LocalDate cutOff) {
    }

    private Inputs inputs(int fiscalYear) {
        MappingVersion mapping = mappings.current(fiscalYear).orElseThrow(() -> new ReconciliationRefusedException(
                "Para conciliar la gestión " + fiscalYear + " primero debe cargarse el mapeo presupuestario"
                        + " (POST /api/finance/mapping)."));
        List<ExtractRef> inForce = repository.extractsInForce(fiscalYear);
        if (inForce.isEmpty()) {
            throw new ReconciliationRefusedException("No hay extractos del SIGEP cargados para la gestión "
                    + fiscalYear + "; cargue primero la ejecución o los comprobantes.");
        }
        var cutOff = inForce.get(0).cutOff();
        return new Inputs(mapping, of(inForce, ExtractKind.EJECUCION), of(inForce, ExtractKind.COMPROBANTES), cutOff);
    }

    private static Optional<ExtractRef> of(List<ExtractRef> extracts, ExtractKind kind) {
        return extracts.stream().filter(e -> e.kind().equals(kind.name())).findFirst();
    }

    /** Why the newest run no longer describes the inputs (Spanish: it is the next run's trigger), if it does not. */
    private static Optional<String> staleReason(Inputs now, ReportsSeen seen, Optional<Run> latest) {
        if (latest.isEmpty()) {
            return Optional.of("primera conciliación de la gestión");
        }
        Run run = latest.get();
        if (!Objects.equals(run.mappingId(), now.mapping().id())) {
            return Optional.of("mapeo presupuestario versión " + now.mapping().version() + " vigente");
        }
        if (!run.cutOff().equals(now.cutOff())
                || !Objects.equals(run.executionExtractId(), now.execution().map(ExtractRef::id).orElse(null))
                || !Objects.equals(run.voucherExtractId(), now.vouchers().map(ExtractRef::id).orElse(null))) {
            return Optional.of("extractos vigentes distintos de los de la conciliación " + run.id());
        }
        if (run.reportsCounted() == null || run.reportsCounted() != seen.count()) {
            return Optional.of("reportes regionales de gasto nuevos hasta el " + now.cutOff() + " ("
                    + seen.count() + " en lugar de " + run.reportsCounted() + ")");
        }
        return Optional.empty();
    }

    private long compute(int fiscalYear, Inputs inputs, String trigger) {
        long start = System.nanoTime();
        BudgetMapping mapping = mappings.mapping(inputs.mapping(), "");
        LineKeys keys = new LineKeys(mapping);
        List<Line> lines = inputs.execution().map(e -> lines(keys, e, fiscalYear, inputs)).orElse(List.of());
        // The listing is read on a thread of its own while this one reads the claims. Outside this transaction, which
        // is safe: a listing's vouchers were committed with its extract and never change.
        Optional<CompletableFuture<List<SigepVoucher>>> listing = inputs.vouchers().map(v -> CompletableFuture
                .supplyAsync(() -> repository.vouchers(v.id(), keys), LISTING_READER));
        // with a listing, the scan of the claims also counts the reports (one scan, and the count matches the claims)
        List<RegionalClaim> claims = listing.isPresent() ? repository.claims(fiscalYear, inputs.cutOff()) : null;
        ReportsSeen seen = listing.isPresent() ? ReportsSeen.of(claims)
                : repository.reportsSeen(fiscalYear, inputs.cutOff());
        List<SigepVoucher> vouchers = listing.map(ReconciliationService::joined).orElse(null);
        long read = System.nanoTime();
        Findings findings = listing.isPresent() ? findings(vouchers, claims) : Findings.of(0, 0);
        long computed = System.nanoTime();
        long runId = repository.insertRun(fiscalYear, inputs.cutOff(), inputs.execution().map(ExtractRef::id)
                        .orElse(null), inputs.vouchers().map(ExtractRef::id).orElse(null), inputs.mapping().id(),
                properties.tolerance(), seen, trigger);
        repository.insertLines(runId, lines);
        repository.insertFindings(runId, findings.stored());
        repository.insertUnmatchedClaims(runId, findings.unmatchedNos(), findings.unmatchedIds());
        repository.insertReconciledVouchers(runId, findings.reconciledNos(), findings.reconciledIds(),
                findings.reconciledLines());
        log.info("Reconciliation run {} of {}: {} lines, {} voucher findings ({} claims not in the listing);"
                        + " read in {} ms, matched in {} ms, stored in {} ms", runId, fiscalYear, lines.size(),
                findings.size(), findings.unmatchedIds().size(), (read - start) / 1_000_000,
                (computed - read) / 1_000_000, (System.nanoTime() - computed) / 1_000_000);
        return runId;
    }

    private List<Line> lines(LineKeys keys, ExtractRef execution, int fiscalYear, Inputs inputs) {
        LineKeys.Sides sides = keys.sides(repository.sigepLines(execution.id()),
                repository.regionalSpend(fiscalYear, inputs.cutOff()));
        List<Line> lines = new ArrayList<>();
        for (LineReconciler.Result<Key> r : new LineReconciler(properties.tolerance())
                .reconcile(sides.sigep(), sides.regional())) {
            Key k = r.key();
            Detail d = sides.details().get(k);
            lines.add(new Line(k.category(), k.operation(), d.operations(), k.partida(), k.fundingColumn(),
                    k.region(), d.programa(), d.proyecto(), d.actividad(), d.fuente(), d.organismo(), r.sigep(),
                    r.regional(), r.difference(), r.differencePercent(), r.status().name()));
        }
        return lines;
    }

    /**
     * A run's findings as stored: every finding numbered in order; the SOLO_EN_REGIONALES ones as their claims' ids
     * (V27), the {@link VoucherReconciler#reconciledAlone} ones as their claims' ids and vouchers' lines (V28), the
     * others as rows.
     */
    private record Findings(List<Finding> stored, KeyArray unmatchedNos, KeyArray unmatchedIds,
            KeyArray reconciledNos, KeyArray reconciledIds, KeyArray reconciledLines) implements VoucherReconciler.Sink {

        /**
         * Room for what {@code claims} claims against {@code vouchers} vouchers can leave as keys: at most every claim
         * unmatched, at most one claim alone per voucher reconciled. A year's arrays grown by doubling instead allocate
         * about twice their size, while the run holds the year's claims.
         */
        static Findings of(int claims, int vouchers) {
            int reconciled = Math.min(claims, vouchers);
            return new Findings(new ArrayList<>(), KeyArray.ofIntegers(claims), KeyArray.ofUuids(claims),
                    KeyArray.ofIntegers(reconciled), KeyArray.ofUuids(reconciled), KeyArray.ofIntegers(reconciled));
        }

        int size() {
            return stored.size() + unmatchedNos.size() + reconciledNos.size();
        }

        /**
         * Keeps the next finding (numbered after those kept so far). SOLO_EN_REGIONALES findings never come here: the
         * matcher hands their claims to {@link #unmatched}.
         */
        @Override
        public void accept(VoucherReconciler.Result r) {
            int findingNo = size() + 1;
            if (r.voucherLine() != null) {
                reconciledNos.add(findingNo);
                reconciledIds.add(r.messageId());
                reconciledLines.add(r.voucherLine());
            } else {
                stored.add(Finding.of(findingNo, r));
            }
        }

        /** Keeps an unmatched claim as its id alone, without making its finding (read back from the report). */
        @Override
        public void unmatched(RegionalClaim claim) {
            unmatchedNos.add(size() + 1);
            unmatchedIds.add(claim.messageId());
        }
    }

    private Findings findings(List<SigepVoucher> vouchers, List<RegionalClaim> claims) {
        Findings findings = Findings.of(claims.size(), vouchers.size());
        new VoucherReconciler(properties.tolerance()).reconcile(vouchers, claims, findings);
        return findings;
    }

    /** The listing read on its thread; its failure as thrown there. */
    private static List<SigepVoucher> joined(CompletableFuture<List<SigepVoucher>> listing) {
        try {
            return listing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    // ---- reading: the newest run of a gestión; region null = national, else only that region's lines/findings

    /** The newest run's summary, if the gestión has been reconciled. */
    @Transactional(readOnly = true)
    public Optional<ReconciliationSummary> summary(int fiscalYear, String region) {
        return repository.latestRun(fiscalYear).map(run -> ReconciliationSummary.of(run,
                repository.extract(run.executionExtractId()).orElse(null),
                repository.extract(run.voucherExtractId()).orElse(null), region,
                repository.lines(run.id(), region, null, null, null),
                run.executionExtractId() == null ? List.of() : repository.adjustments(run.executionExtractId()),
                repository.findings(run.id(), region, null)));
    }

    @Transactional(readOnly = true)
    public Optional<List<Line>> lines(int fiscalYear, String region, String status, String operation,
            String partida) {
        return repository.latestRun(fiscalYear).map(run -> repository.lines(run.id(), region, status, operation,
                partida));
    }

    @Transactional(readOnly = true)
    public Optional<List<Finding>> findings(int fiscalYear, String region, String finding) {
        return repository.latestRun(fiscalYear).map(run -> repository.findings(run.id(), region, finding));
    }
}
