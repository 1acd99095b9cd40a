package org.poahub.hub.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code poa.plan.seed-on-empty=true} (the local stack), loads the shipped SENAVEX 2020 plan when the database
 * holds no plan at all; later starts find a plan and do nothing.
 */
@Component
@ConditionalOnBooleanProperty("poa.plan.seed-on-empty")
class PlanSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlanSeeder.class);

    private final PlanService plans;
    private final PlanRepository repository;
    private final PlanProperties properties;

    PlanSeeder(PlanService plans, PlanRepository repository, PlanProperties properties) {
        this.plans = plans;
        this.repository = repository;
        this.properties = properties;
    }

    /** Runs while the context starts, before the web server accepts requests (so health is UP only once seeded). */
    @Override
    public void afterSingletonsInstantiated() {
        if (!repository.isEmpty()) {
            return;
        }
        String resource = properties.seedResource();
        try (InputStream in = PlanSeeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed plan " + resource + " not on the classpath");
            }
            var result = plans.importPlan(in.readAllBytes(), resource, "system", "Carga inicial del plan incluido (" + resource + ")");
            log.info("No plan in the database: loaded {} as plan {} version {}", resource,
                    result.version().fiscalYear(), result.version().version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
