package org.poahub.hub.security;

import java.time.Clock;
import java.util.Map;
import org.poahub.hub.audit.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password logins (form and HTTP Basic alike) through {@link LoginThrottle}: a locked name is refused before its
 * password is checked; a wrong password counts (and is audited as {@code LOGIN_FAILED}, the locking one also as
 * {@code LOGIN_LOCKED}); a right one clears the count.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        throttle.lockedUntil(name).ifPresent(until -> {
            throw new LoginLockedException(until, clock.instant());
        });
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.recordSuccess(name);
            return result;
        } catch (BadCredentialsException e) {
            boolean locked = throttle.recordFailure(name);
            String actor = name.length() > 64 ? name.substring(0, 64) : name;
            events.publishEvent(new StaffAction(actor, "LOGIN_FAILED", actor, Map.of(), Map.of()));
            if (locked) {
                events.publishEvent(new StaffAction(actor, "LOGIN_LOCKED", actor, Map.of(),
                        Map.of("lockSeconds", throttle.settings().lock().toSeconds())));
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
