package org.poahub.hub.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name in PostgreSQL ({@code login_throttle}, V12), so every hub instance sees the
 * same count: {@code maxFailures} failures within {@code window} lock the name for {@code lock}. Kept in the database
 * rather than in memory so a restart or a second instance does not reset an attacker's count.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties.LoginThrottle settings;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.loginThrottle();
    }

    SecurityProperties.LoginThrottle settings() {
        return settings;
    }

    /** Until when {@code name} is refused; empty when it may try. */
    Optional<Instant> lockedUntil(String name) {
        return jdbc.sql("select locked_until from login_throttle where name = ? and locked_until > now()")
                .param(name).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** Counts one failure; true when it locked the name. */
    boolean recordFailure(String name) {
        // A failure after the window or after an ended lock starts a new count.
        int failures = jdbc.sql("""
                insert into login_throttle (name, failures, first_failure) values (?, 1, now())
                on conflict (name) do update set
                    failures = case when login_throttle.first_failure < now() - make_interval(secs => ?)
                                       or login_throttle.locked_until is not null
                                    then 1 else login_throttle.failures + 1 end,
                    first_failure = case when login_throttle.first_failure < now() - make_interval(secs => ?)
                                            or login_throttle.locked_until is not null
                                         then now() else login_throttle.first_failure end,
                    locked_until = null
                returning failures""")
                .params(name, settings.window().toSeconds(), settings.window().toSeconds())
                .query(Integer.class).single();
        if (failures < settings.maxFailures()) {
            return false;
        }
        jdbc.sql("update login_throttle set locked_until = now() + make_interval(secs => ?) where name = ?")
                .params(settings.lock().toMillis() / 1000.0, name).update();
        return true;
    }

    /** A successful login clears the count. */
    void recordSuccess(String name) {
        jdbc.sql("delete from login_throttle where name = ?").param(name).update();
    }
}
