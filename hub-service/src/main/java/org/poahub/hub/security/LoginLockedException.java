package org.poahub.hub.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A login refused because its user name failed too often; the message is for the user, in Spanish. */
class LoginLockedException extends LockedException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    LoginLockedException(Instant until, Instant now) {
        super(message(Math.max(1, Duration.between(now, until).toSeconds())));
        this.retryAfterSeconds = Math.max(1, Duration.between(now, until).toSeconds());
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static String message(long seconds) {
        long minutes = (seconds + 59) / 60;
        return "Demasiados intentos fallidos de inicio de sesión para este usuario. Inténtelo de nuevo en "
                + minutes + (minutes == 1 ? " minuto." : " minutos.");
    }
}
