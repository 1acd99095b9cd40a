package org.poahub.hub.registry;

import java.util.List;
import org.poahub.hub.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests change the registry: registering schemas, changing compatibility and deleting need one of
 * {@link #WRITER_ROLES}; reading needs AGENTE, ESQUEMAS or ADMIN (the URL table is in the security package).
 */
public final class RegistryAccess {

    /** {@code ESQUEMAS} (the hub's own registrar, a CI pipeline or release tool) and {@code ADMIN} (IT unit). */
    public static final List<String> WRITER_ROLES = List.of(Roles.ESQUEMAS, Roles.ADMIN);

    private RegistryAccess() {
    }

    /** The registry's write requests under {@code basePath} ({@code poa.registry.base-path}). */
    public static RequestMatcher writeRequests(String basePath) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                paths.matcher(HttpMethod.POST, basePath + "/subjects/*/versions"),
                paths.matcher(HttpMethod.DELETE, basePath + "/subjects/**"),
                paths.matcher(HttpMethod.PUT, basePath + "/config"),
                paths.matcher(HttpMethod.PUT, basePath + "/config/*"),
                paths.matcher(HttpMethod.DELETE, basePath + "/config/*"));
    }
}
