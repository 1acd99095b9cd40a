package org.poahub.hub.security.accounts;

import java.util.regex.Pattern;

/**
 * What a stored password must look like: Spring Security's delegating format ({@code {id}hash}), never plain text
 * unless {@code poa.security.allow-plain-text-passwords} is on; and what a new password typed by an administrator
 * must be (at least {@link #MIN_LENGTH} characters).
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final String PLAIN_PREFIX = "{noop}";
    private static final Pattern ENCODED = Pattern.compile("^\\{[a-z0-9_-]+\\}.+", Pattern.DOTALL);

    private PasswordRules() {
    }

    /** Refuses a configured (already encoded) password that has no encoding prefix, or is plain text when not allowed. */
    static void checkEncoded(String user, String encoded, boolean allowPlainText) {
        if (encoded == null || !ENCODED.matcher(encoded).matches()) {
            throw new IllegalStateException("The configured password of '" + user + "' must carry its encoding,"
                    + " e.g. {bcrypt}$2a$10$... (see docs/security.md)");
        }
        if (isPlainText(encoded) && !allowPlainText) {
            throw new IllegalStateException("The configured password of '" + user + "' is plain text ({noop});"
                    + " store a hash ({bcrypt}...) or, on a local stack or in tests only, set"
                    + " poa.security.allow-plain-text-passwords=true");
        }
    }

    static boolean isPlainText(String encoded) {
        return encoded.startsWith(PLAIN_PREFIX);
    }

    /** Refuses a new password that is too short (Spanish message for the administrator). */
    static void checkNew(String raw) {
        if (raw == null || raw.length() < MIN_LENGTH) {
            throw new AccountException("La contraseña debe tener al menos " + MIN_LENGTH + " caracteres.");
        }
    }
}
