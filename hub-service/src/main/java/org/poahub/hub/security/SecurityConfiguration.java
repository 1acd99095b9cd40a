package org.poahub.hub.security;

import java.util.Set;
import org.poahub.hub.registry.RegistryProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains (docs/security.md). API clients and agents send HTTP Basic on every request: no session, no
 * CSRF token (a cross-site page cannot make a browser add that header). Browsers sign in with the form at
 * {@code /login.html}: a session cookie (HttpOnly, SameSite=Lax, Secure behind TLS), a CSRF token on every
 * state-changing request, logout, and sessions that end when the account is deactivated. Both chains share the URL
 * table ({@link AccessRules}), the accounts in PostgreSQL and the login throttle.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** No inline script or style anywhere; no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Requests carrying HTTP Basic credentials: API clients, agents, the hub's own registrar. */
    static final RequestMatcher BASIC_CLIENTS = request -> {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http, RegistryProperties registry, AuthenticationManager logins) {
        ProblemResponses problems = new ProblemResponses(true);
        return http
                .securityMatcher(BASIC_CLIENTS)
                .authenticationManager(logins)
                .authorizeHttpRequests(rules -> AccessRules.apply(rules, registry.basePath()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frames -> frames.deny()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http, RegistryProperties registry, AuthenticationManager logins,
                                 SessionRegistry sessions, ApplicationEventPublisher events) {
        ProblemResponses problems = new ProblemResponses(false);
        BrowserLogin login = new BrowserLogin(events);
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        MediaTypeRequestMatcher pages = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pages.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return http
                .authenticationManager(logins)
                .authorizeHttpRequests(rules -> AccessRules.apply(rules, registry.basePath()))
                .formLogin(form -> form.loginPage(BrowserLogin.LOGIN_PAGE).loginProcessingUrl("/login")
                        .successHandler(login).failureHandler(login))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(login))
                .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfCookie))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(expired -> problems.commence(expired.getRequest(),
                                expired.getResponse(), new CredentialsExpiredException("session ended"))))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(BrowserLogin.LOGIN_PAGE),
                                pages)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.deny()))
                .build();
    }

    @Bean
    AuthenticationManager logins(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle,
                                 ApplicationEventPublisher events) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthentication(passwords, throttle, events));
        // Keep the password in the Authentication out of sessions and memory once checked.
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** Tells the session registry when a servlet session ends, so it does not keep dead sessions. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
