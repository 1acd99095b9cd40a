package org.poahub.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Users of the local stack: one per staff role ({@code admin}, {@code planificador}, {@code analista}, {@code
 * consulta}, and a {@code regional-<region>} per simulated region), the hub's schema registrar ({@code registrador},
 * role {@code ESQUEMAS}), and one user with role {@code AGENTE} per simulated region (the agent reads schemas from the
 * hub's registry with it, never with an admin). Their passwords are
 * generated on the first start and kept in {@code var/local-credentials.properties} (owner-readable only), so
 * nothing secret is in the repository.
 */
final class LocalCredentials {

    private final Path file;
    private final Properties passwords;
    /** A hub account: its role and, for REGIONAL and AGENTE, its region (else null). */
    record HubUser(String role, String region) {
    }

    /** The hub's schema registrar (role ESQUEMAS). */
    static final String REGISTRAR = "registrador";

    /** user name → role in the hub. */
    private final Map<String, HubUser> users;

    private LocalCredentials(Path file, Properties passwords, Map<String, HubUser> users) {
        this.file = file;
        this.passwords = passwords;
        this.users = users;
    }

    /** The hub user of a region's agent, e.g. {@code agente-bo-l}; also the agent's id. */
    static String agentUser(String region) {
        return "agente-" + region.toLowerCase(java.util.Locale.ROOT);
    }

    /** The office staff's hub account of a region (REGIONAL, that region only). */
    static String regionalUser(String region) {
        return "regional-" + region.toLowerCase(java.util.Locale.ROOT);
    }

    static LocalCredentials loadOrCreate(Path file, List<String> agentRegions) {
        Map<String, HubUser> users = new LinkedHashMap<>();
        users.put("admin", new HubUser("ADMIN", null));
        users.put("planificador", new HubUser("PLANIFICADOR", null));
        users.put("analista", new HubUser("ANALISTA", null));
        users.put("consulta", new HubUser("CONSULTA", null));
        users.put(REGISTRAR, new HubUser("ESQUEMAS", null));
        agentRegions.forEach(region -> users.put(regionalUser(region), new HubUser("REGIONAL", region)));
        agentRegions.forEach(region -> users.put(agentUser(region), new HubUser("AGENTE", region)));
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
                OwnerOnly.restrict(file);
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

    /**
     * A server password that is not a hub user (keys {@code kafka.<user>}, {@code postgres.<role>}): generated and
     * written to the same owner-only file on first use.
     */
    synchronized String secret(String key) {
        String value = passwords.getProperty(key);
        if (value == null) {
            value = randomPassword();
            passwords.setProperty(key, value);
            try (Writer out = Files.newBufferedWriter(file)) {
                passwords.store(out, "poa-hub local stack: HTTP Basic users and server passwords (generated; delete"
                        + " var/ to regenerate)");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return value;
    }

    Map<String, Object> hubProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        // Generated plain-text passwords kept in an owner-only file: a local stack only, never a deployment.
        properties.put("poa.security.allow-plain-text-passwords", "true");
        int i = 0;
        for (var user : users.entrySet()) {
            properties.put("poa.security.users[" + i + "].name", user.getKey());
            properties.put("poa.security.users[" + i + "].password", "{noop}" + passwords.getProperty(user.getKey()));
            properties.put("poa.security.users[" + i + "].roles[0]", user.getValue().role());
            if (user.getValue().region() != null) {
                properties.put("poa.security.users[" + i + "].region", user.getValue().region());
            }
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
