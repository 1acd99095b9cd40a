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
import java.util.Map;
import java.util.Properties;

/**
 * API users of the local stack. Their passwords are generated on the first start and kept in
 * {@code var/local-credentials.properties} (owner-readable only), so nothing secret is in the repository.
 */
final class LocalCredentials {

    /** user name → role in the hub. */
    private static final Map<String, String> USERS = Map.of("admin", "ADMIN", "planificador", "PLANNER");

    private final Path file;
    private final Properties passwords;

    private LocalCredentials(Path file, Properties passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    static LocalCredentials loadOrCreate(Path file) {
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    passwords.load(in);
                }
            }
            boolean changed = false;
            for (String user : USERS.keySet()) {
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
        return new LocalCredentials(file, passwords);
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
        for (var user : USERS.entrySet()) {
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
