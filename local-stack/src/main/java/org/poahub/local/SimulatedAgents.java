package org.poahub.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poahub.testkit.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated regional agents of the local stack, one per configured region, each with its own data directory
 * {@code var/agents/<region>}, configuration file, hub user (role AGENTE) and Kafka account (TLS, its region's ACLs).
 *
 * <p>They run as threads of the launcher rather than as child JVMs of the shaded agent jar: on a small machine one
 * JVM is far lighter than one per region, and stopping them before the hub is a method call. They run the same
 * classes {@code poa-agente ejecutar} runs (outbox, forwarder, receipts listener, simulator); the proofs that need a
 * separate agent process (kill -9, a faulty link) run the shaded jar in the agent's and the end-to-end tests.
 */
final class SimulatedAgents {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAgents.class);

    private final List<SimulatedAgent> running = new ArrayList<>();
    private boolean stopped;

    /** Synchronized with {@link #stop()}: a Ctrl-C while agents start stops those already started, and no more start. */
    synchronized void start(LocalSettings settings, LocalCredentials credentials, KraftBroker broker,
            String registryUrl) {
        for (String region : settings.agentRegions()) {
            if (stopped) {
                return;
            }
            String user = LocalCredentials.agentUser(region);
            Path dir = settings.home().resolve("agents").resolve(region);
            Path config = SimulatedAgent.writeConfig(dir, region, broker, credentials.secret("kafka." + user),
                    registryUrl, user, credentials.password(user));
            // each simulated office spends an equal part of the plan's budget, so the year ends near the plan
            SimulatedAgent agent = new SimulatedAgent(region, dir, settings.agentMonth(), settings.agentInvalidShare(),
                    java.math.BigDecimal.ONE.divide(java.math.BigDecimal.valueOf(settings.agentRegions().size()), 10,
                            java.math.RoundingMode.HALF_UP),
                    new MonthPresenter(registryUrl, region, LocalCredentials.regionalUser(region),
                            credentials.password(LocalCredentials.regionalUser(region))));
            agent.start(config);
            running.add(agent);
        }
        if (!running.isEmpty()) {
            log.info("Simulated agents started for {}: one month of {} every {} s, {} % invalid on purpose",
                    settings.agentRegions(), SimulatedAgent.FISCAL_YEAR, settings.agentMonth().toSeconds(),
                    Math.round(settings.agentInvalidShare() * 100));
        }
    }

    /** The agents started, in the order of {@code POA_LOCAL_AGENTS}. */
    synchronized List<SimulatedAgent> agents() {
        return List.copyOf(running);
    }

    synchronized void stop() {
        stopped = true;
        for (SimulatedAgent agent : running) {
            try {
                agent.stop();
            } catch (RuntimeException e) {
                log.error("Stopping the simulated agent {} failed", agent.region(), e);
            }
        }
        if (!running.isEmpty()) {
            log.info("Simulated agents stopped; what they had not sent stays in their outboxes");
        }
        running.clear();
    }
}
