package org.poahub.local.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the soak's faults took away and for how long, as measured: from the fault to the service answering again
 * (a restarted hub's health endpoint UP, a restarted broker's metadata, PostgreSQL accepting connections, the link
 * unfrozen, an agent's process started again). Thread-safe.
 */
final class Outages {

    /** One outage, from the fault to the service answering again. */
    record Outage(String what, Instant start, Instant end) {
        Duration length() {
            return Duration.between(start, end);
        }
    }

    private final List<Outage> outages = new ArrayList<>();

    synchronized void ended(String what, Instant start, Instant end) {
        outages.add(new Outage(what, start, end));
    }

    synchronized List<Outage> all() {
        return outages.stream().sorted(Comparator.comparing(Outage::start)).toList();
    }

    synchronized Optional<Outage> longest(Predicate<Outage> which) {
        return outages.stream().filter(which).max(Comparator.comparing(Outage::length));
    }

    synchronized Instant lastEnd() {
        return outages.stream().map(Outage::end).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * The longest stretch during which at least one of the chosen outages lasted (overlapping ones joined): how long
     * the path from the agents to the hub's database was broken somewhere without a break.
     */
    synchronized Duration longestCombined(Predicate<Outage> which) {
        List<Outage> chosen = outages.stream().filter(which).sorted(Comparator.comparing(Outage::start)).toList();
        Duration longest = Duration.ZERO;
        Instant from = null;
        Instant to = null;
        for (Outage o : chosen) {
            if (to == null || o.start().isAfter(to)) {
                from = o.start();
                to = o.end();
            } else if (o.end().isAfter(to)) {
                to = o.end();
            }
            Duration joined = Duration.between(from, to);
            if (joined.compareTo(longest) > 0) {
                longest = joined;
            }
        }
        return longest;
    }
}
