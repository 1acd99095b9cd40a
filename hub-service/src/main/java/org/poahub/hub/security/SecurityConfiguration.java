package org.poahub.hub.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.poahub.hub.registry.RegistryAccess;
import org.poahub.hub.registry.RegistryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API needs HTTP Basic credentials; only the health summary is public (for load balancers). Changing the
 * schema registry needs a writer role ({@link RegistryAccess}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, RegistryProperties registry) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(RegistryAccess.writeRequests(registry.basePath()))
                        .hasAnyRole(RegistryAccess.WRITER_ROLES.toArray(String[]::new))
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            if (user.region() != null && !user.region().isBlank()) {
                authorities.add(new SimpleGrantedAuthority(RegionScope.AUTHORITY_PREFIX + user.region()));
            }
            manager.createUser(User.withUsername(user.name())
                    .password(user.password())
                    .authorities(authorities)
                    .build());
        }
        return manager;
    }
}
