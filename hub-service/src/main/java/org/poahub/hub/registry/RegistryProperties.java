package org.poahub.hub.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schema registry ({@code poa.registry.*}).
 *
 * @param basePath             where the embedded registry's API is served; empty (the root) so that a
 *                             Confluent client's {@code schema.registry.url=http://hub:8080} works as is
 * @param defaultCompatibility global compatibility level until one is set with {@code PUT /config}
 * @param embedded             whether this hub serves the registry API itself
 * @param url                  the registry every part of the hub uses (the embedded one by default, a
 *                             Confluent Schema Registry in production)
 * @param username             HTTP Basic user for {@code url} (from the environment, never the repository)
 * @param password             HTTP Basic password for {@code url}
 */
@ConfigurationProperties("poa.registry")
public record RegistryProperties(
        @DefaultValue("") String basePath,
        @DefaultValue("FULL_TRANSITIVE") CompatibilityLevel defaultCompatibility,
        @DefaultValue Embedded embedded,
        String url,
        String username,
        String password) {

    public RegistryProperties {
        basePath = normalize(basePath);
    }

    /** @param enabled false when every part points at an external Confluent Schema Registry */
    public record Embedded(@DefaultValue("true") boolean enabled) {
    }

    private static String normalize(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String trimmed = path.trim();
        if (!trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public String toString() {
        return "RegistryProperties[basePath=" + basePath + ", defaultCompatibility=" + defaultCompatibility
                + ", embedded=" + embedded + ", url=" + url + ", username=" + username + ", password=***]";
    }
}
