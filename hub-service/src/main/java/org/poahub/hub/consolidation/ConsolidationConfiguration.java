package org.poahub.hub.consolidation;

import java.time.Clock;
import java.time.ZoneId;
import org.poahub.hub.plan.PlanProperties;
import org.poahub.hub.plan.PlanRepository;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires enrichment (used by ingest) and the consolidated figures (read API). */
@Configuration(proxyBeanMethods = false)
class ConsolidationConfiguration {

    /** "Today" for the default as-of date is the agency's calendar day, not the server's. */
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/La_Paz");

    @Bean
    CurrentPlans currentPlans(PlanRepository repository, PlanProperties properties) {
        return new CurrentPlans(repository, properties.cacheMaxAge(), Clock.systemUTC());
    }

    @Bean
    ReportEnricher reportEnricher(CurrentPlans plans, RegionCatalogue regions) {
        return new ReportEnricher(plans, regions);
    }

    @Bean
    ConsolidationService consolidationService(CurrentPlans plans, JdbcClient jdbc, RegionCatalogue regions,
                                              ObjectOfExpenditureClassifier classifier,
                                              ConsolidationProperties properties,
                                              ObjectProvider<AlertSource> alertSources) {
        return new ConsolidationService(plans, new ConsolidationRepository(jdbc),
                new ConsolidationCalculator(regions, classifier, properties), regions, Clock.system(AGENCY_ZONE),
                alertSources.orderedStream().toList());
    }
}
