package org.poahub.hub.security.accounts;

import java.time.Instant;

/** An account as shown to administrators (never its password). */
public record Account(String name, String role, String region, boolean active, Instant createdAt, Instant updatedAt) {
}
