package org.poahub.local;

import java.nio.file.Path;
import org.poahub.testkit.EmbeddedPostgresServer;
import org.poahub.testkit.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** What of the local stack is up so far, stopped in reverse order by the shutdown hook. */
final class RunningStack {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);

    volatile EmbeddedPostgresServer postgres;
    volatile KraftBroker broker;
    volatile ConfigurableApplicationContext hub;
    volatile SimulatedAgents agents;
    volatile SimulatedSigep sigep;

    void stop(Path var) {
        log.info("Stopping the local stack: simulated agents, hub, then Kafka, then PostgreSQL");
        // Each step runs even if the one before failed: a hub that stops badly must not leave servers behind.
        if (sigep != null) {
            stopQuietly("simulated SIGEP", sigep::stop); // reads the agents' outboxes: before the agents
        }
        if (agents != null) {
            stopQuietly("simulated agents", agents::stop);
        }
        if (hub != null) {
            stopQuietly("hub", hub::close);
        }
        if (broker != null) {
            stopQuietly("Kafka", broker::stop);
        }
        if (postgres != null) {
            stopQuietly("PostgreSQL", postgres::close);
        }
        log.info("Local stack stopped; data kept under {}", var);
    }

    private static void stopQuietly(String what, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.error("Stopping {} failed", what, e);
        }
    }
}
