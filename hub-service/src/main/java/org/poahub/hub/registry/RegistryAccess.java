package org.poahub.hub.registry;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may change the registry. Reading is open to every authenticated user (agents and the hub resolve schema
 * ids); registering schemas, changing compatibility and deleting need one of {@link #WRITER_ROLES}.
 */
public final class RegistryAccess {

    /** {@code ADMIN} (IT unit) and {@code REGISTRY_WRITER} (a CI pipeline or release tool that registers schemas). */
    public static final List<String> WRITER_ROLES = List.of("ADMIN", "REGISTRY_WRITER");

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
