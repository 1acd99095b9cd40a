package org.poahub.agent.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "full jitter" (a random wait between half and all of the current step) and a cap, so
 * that many offices coming back after an outage do not all retry at the same instant.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private long currentMs;

    public Backoff(Duration initial, Duration max) {
        this.initialMs = initial.toMillis();
        this.maxMs = Math.max(max.toMillis(), initialMs);
        this.currentMs = initialMs;
    }

    /** The next wait; each call doubles the step up to the cap. */
    public Duration next() {
        long step = currentMs;
        currentMs = Math.min(maxMs, currentMs * 2);
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }

    public void reset() {
        currentMs = initialMs;
    }
}
