package org.poahub.testkit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.poahub.contract.BrokerAccounts;

/**
 * What a secured {@link KraftBroker} needs: its super user ({@code admin}, SCRAM-SHA-512, created when the storage
 * is formatted), the password of the controller listener's own PLAIN login, and the TLS certificates of the
 * agents' listener. Kept in {@code security.properties} (owner-only) next to the certificates, so the local stack
 * reuses them across restarts.
 *
 * @param adminUser          the broker's super user, which also creates the hub's and the agents' accounts
 * @param adminPassword      its password
 * @param controllerPassword the controller listener's PLAIN password (SCRAM is not available to KRaft controllers)
 * @param certificates       CA and broker certificate
 */
public record BrokerSecurity(String adminUser, String adminPassword, String controllerPassword,
                             BrokerCertificates certificates) {

    public static final String ADMIN = "admin";
    /** The controller listener's principal; a super user like {@link #ADMIN}. */
    public static final String CONTROLLER = "controller";

    /** Passwords and certificates from {@code dir}, generated there on first use. */
    public static BrokerSecurity createOrLoad(Path dir, List<String> hostNames) {
        Path file = dir.resolve("security.properties");
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            } else {
                p.setProperty("admin.password", BrokerAccounts.newPassword());
                p.setProperty("controller.password", BrokerAccounts.newPassword());
                Files.createFile(file);
                TempDirs.ownerOnly(file);
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    p.store(out, "Kafka super user and controller passwords of this broker (written by poa-hub testkit)");
                }
            }
            return new BrokerSecurity(ADMIN, p.getProperty("admin.password"), p.getProperty("controller.password"),
                    BrokerCertificates.createOrLoad(dir, hostNames));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the broker security settings in " + dir, e);
        }
    }

    /** Logs in as the super user over the hub listener (SASL_PLAINTEXT on 127.0.0.1). */
    public Map<String, Object> adminLogin() {
        return BrokerAccounts.login("SASL_PLAINTEXT", adminUser, adminPassword);
    }

    /** {@code ssl.truststore.*} trusting this broker's CA (PEM, no password). */
    public Map<String, Object> trustStore() {
        return Map.of("ssl.truststore.type", "PEM",
                "ssl.truststore.location", certificates.caCertificate().toAbsolutePath().toString());
    }

    @Override
    public String toString() {
        return "BrokerSecurity[adminUser=" + adminUser + ", passwords hidden, ca=" + certificates.caCertificate() + "]";
    }
}
