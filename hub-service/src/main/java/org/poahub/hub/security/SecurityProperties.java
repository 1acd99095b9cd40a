package org.poahub.hub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the hub's APIs ({@code poa.security.users}). Passwords carry their encoding prefix
 * ({@code {bcrypt}…}); they come from the environment or a file outside the repository, never from it.
 */
@ConfigurationProperties("poa.security")
public record SecurityProperties(List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param roles  e.g. {@code PLANNER} (central planning staff), {@code ADMIN} (IT unit), {@code AGENT}
     * @param region for a {@code REGIONAL} user, the one region it may see (e.g. {@code BO-L}); else empty
     */
    public record User(String name, String password, List<String> roles, String region) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
