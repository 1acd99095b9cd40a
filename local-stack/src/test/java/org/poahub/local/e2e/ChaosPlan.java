package org.poahub.local.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of one chaos soak, drawn from a seed so a failing run can be replayed ({@code -Dchaos.seed=…}): one
 * kill -9 of the hub, one broker restart (kill -9, then start), one PostgreSQL restart, one partition of the agents'
 * link to the broker, and kill -9 of agents every few seconds, all inside one window so they overlap.
 *
 * @param faults in the order they start
 */
record ChaosPlan(long seed, List<Fault> faults) {

    enum Kind { HUB_KILL, BROKER_RESTART, POSTGRES_RESTART, PARTITION, AGENT_KILL }

    /**
     * @param target the agent's region for {@link Kind#AGENT_KILL}, else empty
     * @param at     when the fault starts, from the start of the window
     * @param down   how long the fault lasts before the test undoes it (a restarted server then still needs its
     *               start-up time, which the soak measures)
     */
    record Fault(Kind kind, String target, Duration at, Duration down) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%5.1f s %-16s %-5s down %4.1f s", at.toMillis() / 1000.0, kind, target,
                    down.toMillis() / 1000.0);
        }
    }

    /**
     * @param regions the agents that may be killed
     * @param window  the faults start inside it
     */
    static ChaosPlan random(long seed, List<String> regions, Duration window) {
        Random random = new Random(seed);
        long w = window.toMillis();
        List<Fault> faults = new ArrayList<>();
        // the hub early: its replacement waits for the dead hub's consumers to leave the group (session timeout)
        faults.add(new Fault(Kind.HUB_KILL, "", millis(between(random, w / 10, w * 3 / 10)),
                millis(between(random, 1_000, 6_000))));
        faults.add(new Fault(Kind.PARTITION, "", millis(between(random, w / 20, w * 4 / 10)),
                millis(between(random, 10_000, 20_000))));
        faults.add(new Fault(Kind.BROKER_RESTART, "", millis(between(random, w * 2 / 10, w * 6 / 10)),
                millis(between(random, 2_000, 8_000))));
        faults.add(new Fault(Kind.POSTGRES_RESTART, "", millis(between(random, w * 2 / 10, w * 7 / 10)),
                millis(between(random, 3_000, 12_000))));
        // agent kills spread over the window, each agent at most once per slot, so one is never killed while down
        int kills = 8;
        long slot = w * 8 / 10 / kills;
        for (int k = 0; k < kills; k++) {
            String region = regions.get(random.nextInt(regions.size()));
            faults.add(new Fault(Kind.AGENT_KILL, region, millis(k * slot + between(random, 0, slot / 2)),
                    millis(between(random, 500, slot / 2))));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return new ChaosPlan(seed, List.copyOf(faults));
    }

    private static long between(Random random, long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("chaos plan, seed " + seed + " (replay with -Dchaos.seed=" + seed + "):");
        faults.forEach(f -> s.append("\n  ").append(f));
        return s.toString();
    }
}
