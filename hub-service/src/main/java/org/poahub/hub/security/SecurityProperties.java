package org.poahub.hub.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and login settings ({@code poa.security}). Accounts live in PostgreSQL ({@code account}, V12); these
 * properties only seed it. Passwords carry their encoding prefix ({@code {bcrypt}…}); they come from the environment
 * or a file outside the repository, never from it.
 *
 * @param users                    accounts ensured at every start: created when missing, else their password, role,
 *                                 region and active flag are set to these (configuration owns them)
 * @param initialAdmin             the first ADMIN, created only when the account table is empty
 * @param allowPlainTextPasswords  accept {@code {noop}} passwords (the local stack and tests only); off, a {@code
 *                                 {noop}} password in configuration stops the start
 * @param loginThrottle            refusal after repeated failed logins
 */
@ConfigurationProperties("poa.security")
public record SecurityProperties(List<User> users, User initialAdmin,
                                 @DefaultValue("false") boolean allowPlainTextPasswords,
                                 @DefaultValue LoginThrottle loginThrottle) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        loginThrottle = loginThrottle == null ? new LoginThrottle(5, Duration.ofMinutes(15), Duration.ofMinutes(15))
                : loginThrottle;
    }

    /**
     * @param roles  exactly one of {@link Roles#ALL}, e.g. {@code PLANIFICADOR}
     * @param region for a {@code REGIONAL} (or {@code AGENTE}) account, its region (e.g. {@code BO-L}); else empty
     */
    public record User(String name, String password, List<String> roles, String region) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * @param maxFailures failed logins of one user name within {@code window} that lock it
     * @param window      how far back failures count
     * @param lock        how long a locked name is refused (even with the right password)
     */
    public record LoginThrottle(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                                @DefaultValue("15m") Duration lock) {
    }
}
