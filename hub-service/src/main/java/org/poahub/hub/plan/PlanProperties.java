package org.poahub.hub.plan;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Plan settings ({@code poa.plan.*}).
 *
 * @param seedOnEmpty    load the shipped SENAVEX 2020 plan when the database holds no plan yet (local stack only)
 * @param seedResource   classpath resource loaded by {@code seedOnEmpty}
 * @param classifierFile operator-edited classifier of objects of expenditure (default: the shipped data file)
 * @param regionsFile    operator-edited region catalogue (default: the nine departmental regional offices)
 * @param topic          compacted Kafka topic the current plan is published to, one record per region
 * @param cacheMaxAge    how long a fiscal year's current plan is cached when no import on this hub drops it (the
 *                       time a plan imported through another hub instance takes to be used here)
 */
@ConfigurationProperties("poa.plan")
public record PlanProperties(
        @DefaultValue("false") boolean seedOnEmpty,
        @DefaultValue("plans/senavex-poa-2020.csv") String seedResource,
        Path classifierFile,
        Path regionsFile,
        @DefaultValue("poa.plan") String topic,
        @DefaultValue("60s") Duration cacheMaxAge) {
}
