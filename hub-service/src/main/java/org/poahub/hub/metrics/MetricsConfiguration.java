package org.poahub.hub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hub's own metrics, exported with the JVM and HTTP ones at {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MetricsConfiguration {

    /** Given to the ingest route, which calls it after each batch's offsets are committed. */
    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    /** Picked up by Camel Spring Boot like every {@code RoutePolicyFactory} bean: applies to every route. */
    @Bean
    CamelRouteMetrics camelRouteMetrics(MeterRegistry registry) {
        return new CamelRouteMetrics(registry);
    }

    @Bean
    ConsumerLagMonitor consumerLagMonitor(Admin admin, @Value("${poa.ingest.group-id:poa-hub}") String groupId,
                                          MeterRegistry registry) {
        return new ConsumerLagMonitor(admin, groupId, registry);
    }
}
