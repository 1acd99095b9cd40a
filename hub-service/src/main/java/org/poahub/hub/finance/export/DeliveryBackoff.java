package org.poahub.hub.finance.export;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an undelivered export is tried again: at once the first time, then after {@code first}, doubled after each
 * failure up to {@code max}. Kept in memory: a restarted hub tries every undelivered export at once.
 */
final class DeliveryBackoff {

    private record Failures(int count, Instant nextAttempt) {
    }

    private final Duration first;
    private final Duration max;
    private final Map<Long, Failures> failures = new ConcurrentHashMap<>();

    DeliveryBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    boolean due(long exportId, Instant now) {
        Failures f = failures.get(exportId);
        return f == null || !now.isBefore(f.nextAttempt());
    }

    /** Records a failed attempt; returns how long until the next one. */
    Duration failed(long exportId, Instant now) {
        int count = failures.containsKey(exportId) ? failures.get(exportId).count() + 1 : 1;
        Duration wait = first;
        for (int i = 1; i < count && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        wait = wait.compareTo(max) > 0 ? max : wait;
        failures.put(exportId, new Failures(count, now.plus(wait)));
        return wait;
    }

    /** How many attempts to deliver the export failed in a row. */
    int failures(long exportId) {
        Failures f = failures.get(exportId);
        return f == null ? 0 : f.count();
    }

    void delivered(long exportId) {
        failures.remove(exportId);
    }

    /** The earliest next attempt of an export that failed, if any. */
    Optional<Instant> nextAttempt() {
        return failures.values().stream().map(Failures::nextAttempt).min(Instant::compareTo);
    }
}
