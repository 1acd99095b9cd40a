package org.poahub.hub.finance.reconciliation;

import org.poahub.hub.finance.extract.JdbcExtractStore.ExtractLoaded;
import org.poahub.hub.finance.mapping.BudgetMappingService.MappingLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the hub reconciles by itself (docs/finance.md, "Recompute"):
 * <ul>
 * <li>after each extract load has committed ({@link ExtractLoaded}, after commit: a load that rolled back never
 * triggers a run, and the run reads the committed extract), and after a new mapping version ({@link MappingLoaded})
 * when the gestión has extracts;</li>
 * <li>every {@code poa.finance.reconciliation.recheck-interval} (default 5 minutes), for each gestión with extracts:
 * when its newest run is stale (a regional expenditure report accepted up to the cut-off since the run, a new
 * mapping, extracts in force that differ, or no run yet) it is recomputed.</li>
 * </ul>
 * Late regional reports are found by the periodic check rather than by a hook in ingest next to {@code LateData}:
 * ingest's batch transaction is the hub's hot path (docs/benchmarks.md; V8 moved per-report sums out of it), a
 * recompute reads the whole gestión and must not run once per batch, and the check is a few small queries per
 * gestión (mapping, extracts in force, one count of reports, the newest run). It also catches what an event would
 * miss (a hub stopped between a load's commit and its listener). The cost is a delay of at most one interval;
 * {@code POST /api/finance/reconciliation/{year}} recomputes at once.
 */
@Component
class ReconciliationTriggers {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationTriggers.class);

    private final ReconciliationService reconciliation;

    ReconciliationTriggers(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    /** Never throws: the load has committed already and its file must still be moved to {@code procesados/}. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void extractLoaded(ExtractLoaded loaded) {
        int year = loaded.extract().fiscalYear();
        try {
            long run = reconciliation.run(year, "extracto " + loaded.kind() + " " + loaded.extract().id()
                    + " (versión " + loaded.extract().version() + ", corte " + loaded.extract().cutOff()
                    + ") cargado", null);
            log.info("Reconciliation of {} recomputed after extract {} was loaded: run {}", year,
                    loaded.extract().id(), run);
        } catch (ReconciliationRefusedException e) {
            log.info("Extract {} loaded; reconciliation of {} not run: {}", loaded.extract().id(), year,
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Reconciliation of {} after extract {} failed; the periodic check will retry", year,
                    loaded.extract().id(), e);
        }
    }

    /** A new mapping version: recompute the gestión if it has extracts (nothing to do otherwise). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void mappingLoaded(MappingLoaded loaded) {
        try {
            reconciliation.runIfStale(loaded.fiscalYear()).ifPresent(run -> log.info(
                    "Reconciliation of {} recomputed with mapping version {}: run {}", loaded.fiscalYear(),
                    loaded.version(), run));
        } catch (RuntimeException e) {
            log.warn("Reconciliation of {} after mapping version {} failed; the periodic check will retry",
                    loaded.fiscalYear(), loaded.version(), e);
        }
    }

    @Scheduled(initialDelayString = "${poa.finance.reconciliation.recheck-interval:5m}",
            fixedDelayString = "${poa.finance.reconciliation.recheck-interval:5m}")
    void recheck() {
        for (int year : reconciliation.yearsWithExtracts()) {
            try {
                reconciliation.runIfStale(year).ifPresent(run -> log.info(
                        "Reconciliation of {} was stale; recomputed as run {}", year, run));
            } catch (RuntimeException e) {
                log.warn("Periodic reconciliation check of {} failed", year, e);
            }
        }
    }
}
