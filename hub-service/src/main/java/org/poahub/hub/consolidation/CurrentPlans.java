package org.poahub.hub.consolidation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poahub.hub.plan.PlanImported;
import org.poahub.hub.plan.PlanRepository;
import org.poahub.hub.plan.PlanVersion;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The newest stored plan of each fiscal year, the one cache of it in the hub (ingest rules, enrichment and the read
 * API all ask here, so they agree on the version). A year is dropped when this hub imports a plan
 * ({@link PlanImported}, after the commit) and re-checked after {@code maxAge}, so a plan imported through another
 * hub instance is used within that time; the plan itself is reloaded only when its version changed.
 */
public final class CurrentPlans implements PlanSource {

    private record Cached(long versionId, Optional<VersionedPlan> plan, Instant checkedAt) {
    }

    private static final long NO_VERSION = -1;

    private final PlanRepository repository;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<Integer, Cached> byYear = new ConcurrentHashMap<>();

    public CurrentPlans(PlanRepository repository, Duration maxAge, Clock clock) {
        this.repository = repository;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Optional<VersionedPlan> current(int fiscalYear) {
        Instant now = clock.instant();
        Cached cached = byYear.get(fiscalYear);
        if (cached != null && now.isBefore(cached.checkedAt().plus(maxAge))) {
            return cached.plan(); // every report asks: no lock when the year is fresh
        }
        // compute() holds the year's entry while loading, so an invalidation that arrives meanwhile waits for the
        // load to finish and then removes it: a plan read before an import never outlives the import's event.
        return byYear.compute(fiscalYear, (year, old) ->
                old != null && now.isBefore(old.checkedAt().plus(maxAge)) ? old : check(year, old, now)).plan();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPlanImported(PlanImported event) {
        byYear.remove(event.version().fiscalYear());
    }

    private Cached check(int fiscalYear, Cached old, Instant now) {
        Optional<PlanVersion> newest = repository.latest(fiscalYear);
        long versionId = newest.map(PlanVersion::id).orElse(NO_VERSION);
        if (old != null && old.versionId() == versionId) {
            return new Cached(versionId, old.plan(), now);
        }
        return new Cached(versionId, newest.map(v -> new VersionedPlan(v.version(), repository.load(v))), now);
    }
}
