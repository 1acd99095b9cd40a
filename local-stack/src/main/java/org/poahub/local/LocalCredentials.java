package org.poahub.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * API users of the local stack: an administrator, a planner, and one user with role {@code AGENT} per simulated
 * region (the agent reads schemas from the hub's registry with it, never with an admin). Their passwords are
 * generated on the first start and kept in {@code var/local-credentials.properties} (owner-readable only), so
 * nothing secret is in the repository.
 */
final class LocalCredentials {

    private final Path file;
    private final Properties passwords;
    /** user name → role in the hub. */
    private final Map<String, String> users;

    private LocalCredentials(Path file, Properties passwords, Map<String, String> users) {
        this.file = file;
        this.passwords = passwords;
        this.users = users;
    }

    /** The hub user of a region's agent, e.g. {@code agente-bo-l}; also the agent's id. */
    static String agentUser(String region) {
        return "agente-" + region.toLowerCase(java.util.Locale.ROOT);
    }

    static LocalCredentials loadOrCreate(Path file, List<String> agentRegions) {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("admin", "ADMIN");
        users.put("planificador", "PLANNER");
        agentRegions.forEach(region -> users.put(agentUser(region), "AGENT"));
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    passwords.load(in);
                }
            }
            boolean changed = false;
            for (String user : users.keySet()) {
                if (passwords.getProperty(user) == null) {
                    passwords.setProperty(user, randomPassword());
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    passwords.store(out, "poa-hub local stack: HTTP Basic users (generated; delete to regenerate)");
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + ": " + e.getMessage(), e);
        }
        return new LocalCredentials(file, passwords, users);
    }

    Path file() {
        return file;
    }

    String password(String user) {
        return passwords.getProperty(user);
    }

    Map<String, Object> hubProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        int i = 0;
        for (var user : users.entrySet()) {
            properties.put("poa.security.users[" + i + "].name", user.getKey());
            properties.put("poa.security.users[" + i + "].password", "{noop}" + passwords.getProperty(user.getKey()));
            properties.put("poa.security.users[" + i + "].roles[0]", user.getValue());
            i++;
        }
        return properties;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
