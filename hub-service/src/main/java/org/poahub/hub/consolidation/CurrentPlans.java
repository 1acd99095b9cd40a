package org.poahub.hub.consolidation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.poahub.hub.plan.PlanRepository;
import org.poahub.hub.plan.PlanVersion;

/**
 * The newest stored plan of each year, loaded once per version: each call asks the database only for the newest
 * version's id (a reformulation is picked up at once), not for the whole plan.
 */
public final class CurrentPlans implements PlanSource {

    private record Loaded(long versionId, VersionedPlan plan) {
    }

    private final PlanRepository repository;
    private final Map<Integer, Loaded> byYear = new ConcurrentHashMap<>();

    public CurrentPlans(PlanRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<VersionedPlan> current(int fiscalYear) {
        Optional<PlanVersion> newest = repository.latest(fiscalYear);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Loaded loaded = byYear.get(fiscalYear);
        if (loaded == null || loaded.versionId() != newest.get().id()) {
            loaded = new Loaded(newest.get().id(),
                    new VersionedPlan(newest.get().version(), repository.load(newest.get())));
            byYear.put(fiscalYear, loaded);
        }
        return Optional.of(loaded.plan());
    }
}
