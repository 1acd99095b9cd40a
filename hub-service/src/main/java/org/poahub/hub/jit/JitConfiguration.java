package org.poahub.hub.jit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JitProperties.class)
class JitConfiguration {

    @Bean
    IngestCompilation ingestCompilation(JitProperties properties) {
        return new IngestCompilation(properties, new CompilerDirectives());
    }
}
