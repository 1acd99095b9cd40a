package org.poahub.agent.receipts;

import java.time.Duration;
import java.time.Instant;
import org.poahub.agent.store.SendingState.Awaiting;

/**
 * When the receipts consumer is connected, so that an idle office costs its link almost nothing: while reports
 * await their outcomes (pending or sent; the newest saved or sent, or the last receipt, less than {@code await}
 * ago) the consumer listens — already while the forwarder sends — and receipts arrive within seconds; otherwise it connects only every {@code planCheck} to take a new plan and
 * any late receipt, and disconnects as soon as it has read up to the end of its topics. Pure: the listener asks
 * it with the outbox's state and the time.
 */
final class ListeningPolicy {

    private final Duration await;
    private final Duration planCheck;
    private Instant lastReceipt = Instant.EPOCH;
    /** The first check is due at once: the plan may have changed while the agent was off. */
    private Instant nextCheck = Instant.EPOCH;

    ListeningPolicy(Duration await, Duration planCheck) {
        this.await = await;
        this.planCheck = planCheck;
    }

    /** Reports still await outcomes, and recently enough that the hub is expected to answer soon. */
    boolean awaiting(Awaiting awaiting, Instant now) {
        if (awaiting.count() == 0) {
            return false;
        }
        Instant last = awaiting.newestSentAt().isAfter(lastReceipt) ? awaiting.newestSentAt() : lastReceipt;
        return now.isBefore(last.plus(await));
    }

    boolean shouldConnect(Awaiting awaiting, Instant now) {
        return awaiting(awaiting, now) || !now.isBefore(nextCheck);
    }

    /** Connected: stay until everything up to the end of the topics is read and nothing is awaited. */
    boolean shouldStayConnected(Awaiting awaiting, boolean caughtUp, Instant now) {
        return !caughtUp || awaiting(awaiting, now);
    }

    void received(Instant now) {
        lastReceipt = now;
    }

    void disconnected(Instant now) {
        nextCheck = now.plus(planCheck);
    }

    Instant nextCheck() {
        return nextCheck;
    }
}
