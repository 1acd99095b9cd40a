package org.poahub.hub.plan;

import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogues (default data files of {@code schemas}, or operator-edited files) and the plan file parser. */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    ObjectOfExpenditureClassifier objectOfExpenditureClassifier(PlanProperties properties) {
        return properties.classifierFile() == null ? ObjectOfExpenditureClassifier.loadDefault()
                : ObjectOfExpenditureClassifier.load(properties.classifierFile());
    }

    @Bean
    RegionCatalogue regionCatalogue(PlanProperties properties) {
        return properties.regionsFile() == null ? RegionCatalogue.loadDefault()
                : RegionCatalogue.load(properties.regionsFile());
    }

    @Bean
    PlanFileParser planFileParser(ObjectOfExpenditureClassifier classifier, RegionCatalogue regions) {
        return new PlanFileParser(classifier, regions);
    }
}
