package org.poahub.hub.plan;

import java.time.Clock;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.admin.Admin;
import org.poahub.hub.kafka.CompactedTopic;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;
import org.poahub.routes.plan.PlanPublishRoute;
import org.poahub.routes.plan.PlanSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes the current plan (newest version of the newest fiscal year) to the compacted plan topic: at start-up
 * (creating the topic if missing) and after every import that created a version. A failure is logged and retried
 * at the next start or import; it never undoes an import.
 */
@Component
public class PlanPublisher {

    private static final Logger log = LoggerFactory.getLogger(PlanPublisher.class);

    private final PlanService plans;
    private final Admin admin;
    private final ProducerTemplate producer;
    private final PlanProperties properties;
    private final RegionCatalogue regions;
    private final ObjectOfExpenditureClassifier classifier;
    private final Clock clock = Clock.systemUTC();

    private final ApplicationArguments arguments;
    private volatile boolean topicReady;
    private volatile boolean ready;

    PlanPublisher(PlanService plans, Admin admin, ProducerTemplate producer, PlanProperties properties,
            RegionCatalogue regions, ObjectOfExpenditureClassifier classifier, ApplicationArguments arguments) {
        this.arguments = arguments;
        this.plans = plans;
        this.admin = admin;
        this.producer = producer;
        this.properties = properties;
        this.regions = regions;
        this.classifier = classifier;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (PlanImportCommand.isCommand(arguments.getSourceArgs())) {
            return; // a one-shot import publishes through onImported only
        }
        ready = true;
        // In the background so that start-up completes at once (the local stack registers its stop hook after it).
        Thread publisher = new Thread(() -> {
            try {
                ensureTopic();
                topicReady = true;
                publishCurrent();
            } catch (RuntimeException e) {
                log.error("Could not publish the current plan at start-up: {}", e.toString());
            }
        }, "poa-plan-publish-at-start");
        publisher.setDaemon(true);
        publisher.start();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onImported(PlanImported event) {
        if (!ready && !PlanImportCommand.isCommand(arguments.getSourceArgs())) {
            return; // imported while starting (the seeder): published by onStart once Camel runs
        }
        try {
            publishCurrent();
        } catch (RuntimeException e) {
            log.error("Plan {} version {} stored but not published: {}", event.version().fiscalYear(),
                    event.version().version(), e.toString());
        }
    }

    /** Publishes the current plan, one snapshot per region; returns the version published, if there is a plan. */
    public synchronized Optional<PlanVersion> publishCurrent() {
        Optional<PlanVersion> current = plans.fiscalYears().stream().findFirst().flatMap(year -> plans.version(year, null));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (!topicReady) {
            // The first publication of this run (at start-up or after an import) makes sure the topic exists.
            ensureTopic();
            topicReady = true;
        }
        PlanVersion version = current.get();
        var snapshots = PlanSnapshots.perRegion(plans.plan(version), version.version(), regions, classifier,
                clock.instant());
        producer.requestBody(PlanPublishRoute.ENDPOINT, snapshots);
        log.info("Published plan {} version {} to {} ({} regions)", version.fiscalYear(), version.version(),
                properties.topic(), snapshots.size());
        return current;
    }

    /** Creates the compacted plan topic if it does not exist (the brokers may have auto-creation off). */
    public void ensureTopic() {
        CompactedTopic.ensure(admin, properties.topic());
    }
}
