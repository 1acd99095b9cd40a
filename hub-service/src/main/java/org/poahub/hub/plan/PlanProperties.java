package org.poahub.hub.plan;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("poa.plan")
public record PlanProperties(
        @DefaultValue("false") boolean seedOnEmpty,
        @DefaultValue("plans/senavex-poa-2020.csv") String seedResource,
        Path classifierFile,
        Path regionsFile,
        @DefaultValue("poa.plan") String topic) {
}
