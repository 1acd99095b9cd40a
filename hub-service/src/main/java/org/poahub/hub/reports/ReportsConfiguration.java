package org.poahub.hub.reports;

import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.finance.efficiency.EfficiencyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the quarterly report; its {@link ReviewTrail} comes from the review of periods. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    @Bean
    QuarterlyReportService quarterlyReportService(ConsolidationService consolidation, ReviewTrail trail,
                                                  EfficiencyService efficiency) {
        return new QuarterlyReportService(consolidation, trail, efficiency);
    }
}
