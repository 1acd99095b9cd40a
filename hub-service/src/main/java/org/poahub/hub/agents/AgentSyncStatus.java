package org.poahub.hub.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the hub knows of one regional agent's sending.
 *
 * @param highestContiguousSequence every sequence from 1 up to this one has arrived
 * @param missingSequences          sequences below the highest not received (yet): lost, or still on the way
 */
record AgentSyncStatus(String agentId, String regionCode, LastReport lastReport, long highestSequence,
                       long highestContiguousSequence, List<Long> missingSequences, Lag lag) {

    /** The report received last (by the hub's clock). */
    record LastReport(UUID messageId, Instant reportedAt, Instant receivedAt) {
    }

    /**
     * @param sinceLastReceivedSeconds how long ago the hub last received a report from the agent
     * @param lastReportDelaySeconds   for that report, how long it took from the agent writing it (reportedAt) to
     *                                 the hub receiving it: large after the agent was offline
     */
    record Lag(double sinceLastReceivedSeconds, double lastReportDelaySeconds) {

        static Lag of(LastReport last, Instant now) {
            return new Lag(seconds(Duration.between(last.receivedAt(), now)),
                    seconds(Duration.between(last.reportedAt(), last.receivedAt())));
        }

        /** Clocks of agent and hub differ: a report "from the future" has no delay rather than a negative one. */
        private static double seconds(Duration duration) {
            return duration.isNegative() ? 0 : duration.toMillis() / 1000.0;
        }
    }
}
