package org.poahub.hub.finance.mapping;

import org.poahub.plan.RegionCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BudgetMappingConfiguration {

    @Bean
    BudgetMappingParser budgetMappingParser(RegionCatalogue regions) {
        return new BudgetMappingParser(regions);
    }
}
