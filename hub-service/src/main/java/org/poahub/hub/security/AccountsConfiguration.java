package org.poahub.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What accounts need with or without a web server (the {@code users} command runs without one): the password encoder
 * and the registry of browser sessions that deactivation ends.
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** Spring Security's delegating encoder: new passwords as {@code {bcrypt}…}, older formats still checked. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }
}
