package org.poahub.hub.security;

import static org.poahub.hub.security.Roles.ADMIN;
import static org.poahub.hub.security.Roles.AGENTE;
import static org.poahub.hub.security.Roles.ANALISTA;
import static org.poahub.hub.security.Roles.CONSULTA;
import static org.poahub.hub.security.Roles.ESQUEMAS;
import static org.poahub.hub.security.Roles.PLANIFICADOR;
import static org.poahub.hub.security.Roles.REGIONAL;

import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.stream.Stream;
import org.poahub.hub.registry.RegistryAccess;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what: the one URL table of the hub (docs/security.md has it as a table), applied to both the browser
 * and the API-client filter chains. First match wins; anything not listed is refused, so a new endpoint is closed
 * until it gets a rule here. Handlers that return or change one region's data additionally check
 * {@link RegionScope}.
 */
final class AccessRules {

    /** Every role that sees the national figures. */
    static final String[] NATIONAL = Roles.NATIONAL_READERS.toArray(String[]::new);
    /** National roles plus REGIONAL (scoped to its region by the handler). */
    static final String[] STAFF = Stream.concat(Roles.NATIONAL_READERS.stream(), Stream.of(REGIONAL))
            .toArray(String[]::new);

    /** Static files the login page needs before anyone is signed in. */
    static final List<String> PUBLIC_FILES = List.of("/login.html", "/login.js", "/tablero.css", "/favicon.ico");

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules,
                      String registryBase) {
        rules
                // Error pages render the status of a request already decided; forwards (/ → index.html) too.
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(HttpMethod.GET, PUBLIC_FILES.toArray(String[]::new)).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/session").permitAll()

                // Schema registry: agents and the registrar read; only the registrar and ADMIN write.
                .requestMatchers(RegistryAccess.writeRequests(registryBase))
                .hasAnyRole(RegistryAccess.WRITER_ROLES.toArray(String[]::new))
                // Reads that Confluent's protocol sends as POST: looking a schema up, checking compatibility.
                .requestMatchers(HttpMethod.POST, registryBase + "/subjects/*", registryBase + "/compatibility/**")
                .hasAnyRole(AGENTE, ESQUEMAS, ADMIN)
                .requestMatchers(HttpMethod.GET, registryBase + "/subjects", registryBase + "/subjects/**",
                        registryBase + "/schemas/**", registryBase + "/config", registryBase + "/config/**",
                        // Confluent's clients ask for associations and expect a 404 from a registry without them.
                        registryBase + "/associations/**")
                .hasAnyRole(AGENTE, ESQUEMAS, ADMIN)

                // Operations.
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").hasAnyRole(NATIONAL)

                // Administration and the audit trail.
                .requestMatchers("/api/admin/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(ADMIN, ANALISTA)
                // The audit page: for the roles that read the trail (before the dashboard's /*.html and /*.js).
                .requestMatchers(HttpMethod.GET, "/auditoria.html", "/auditoria.js").hasAnyRole(ADMIN, ANALISTA)

                // The plan: import by the planners; reading it is for all staff (agents get it over Kafka anyway).
                .requestMatchers(HttpMethod.POST, "/api/plans").hasRole(PLANIFICADOR)
                .requestMatchers(HttpMethod.GET, "/api/plans", "/api/plans/**").hasAnyRole(STAFF)

                // Figures of the regions: national roles see all; REGIONAL is scoped by the handler.
                .requestMatchers(HttpMethod.GET, "/api/consolidation/**", "/api/rejected-reports",
                        "/api/rejected-reports/**", "/api/agents", "/api/agents/**", "/api/reports/**")
                .hasAnyRole(STAFF)

                // Period review: everyone on staff reads (REGIONAL scoped); a region presents its own period
                // (REGIONAL), analysts approve or observe (ANALISTA): the handler checks which action and region.
                .requestMatchers(HttpMethod.GET, "/api/review/**").hasAnyRole(STAFF)
                .requestMatchers("/api/review/**").hasAnyRole(ANALISTA, REGIONAL)

                // Financial system: national reading; uploads, mappings, exports and reconciliation runs by
                // planners and ADMIN. The reconciliation is read by all staff too (REGIONAL scoped by the handler).
                .requestMatchers(HttpMethod.GET, "/api/finance/reconciliation/**").hasAnyRole(STAFF)
                .requestMatchers(HttpMethod.GET, "/api/finance/**").hasAnyRole(CONSULTA, ANALISTA, PLANIFICADOR, ADMIN)
                .requestMatchers("/api/finance/**").hasAnyRole(PLANIFICADOR, ADMIN)

                // The dashboard's pages and scripts (static): staff only, never machine accounts.
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/*.html", "/webjars/**",
                        "/mapas/**").hasAnyRole(STAFF)

                .anyRequest().denyAll();
    }
}
