package org.poahub.hub.reports;

import org.poahub.hub.consolidation.ConsolidationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the quarterly report; the review feature's {@link ReviewTrail} bean replaces the empty one. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Bean
    @ConditionalOnMissingBean(ReviewTrail.class)
    ReviewTrail noReviewTrail() {
        return new NoReviewTrail();
    }

    @Bean
    QuarterlyReportService quarterlyReportService(ConsolidationService consolidation, ReviewTrail trail) {
        return new QuarterlyReportService(consolidation, trail);
    }
}
