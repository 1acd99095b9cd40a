package org.poahub.contract;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.ResourceNotFoundException;

/**
 * Kafka accounts (SCRAM-SHA-512 user plus its ACLs) made and removed through Kafka's Admin API, and the client
 * settings that log in as one. Used by the hub's agent provisioning, the test broker and the local stack, so all
 * of them create accounts the same way.
 */
public final class BrokerAccounts {

    /** The one SASL mechanism the brokers enable. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final int ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrokerAccounts() {
    }

    /** 24 random bytes, URL-safe Base64 (32 characters, no quote or backslash to escape in a JAAS line). */
    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sets the user's SCRAM-SHA-512 password (creating the user) and adds the ACLs. */
    public static void create(Admin admin, String user, String password, List<AclBinding> acls) {
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password))).all(),
                "set the SCRAM credential of " + user);
        if (!acls.isEmpty()) {
            await(admin.createAcls(acls).all(), "create the ACLs of " + user);
        }
    }

    /**
     * Deletes every ACL of the user, then its SCRAM credential (a user without one is fine).
     *
     * @return how many ACLs were deleted
     */
    public static int remove(Admin admin, String user) {
        int deleted = await(admin.deleteAcls(List.of(RegionAcls.everythingOf(user))).all(),
                "delete the ACLs of " + user).size();
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw new IllegalStateException("Cannot delete the SCRAM credential of " + user + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting the SCRAM credential of " + user, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out deleting the SCRAM credential of " + user, e);
        }
        return deleted;
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} to log in as the user. */
    public static Map<String, Object> login(String securityProtocol, String user, String password) {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return p;
    }

    /** The JAAS line of Kafka's SCRAM login module; refuses a quote or backslash it would have to escape. */
    public static String jaas(String user, String password) {
        for (String value : List.of(user, password)) {
            if (value == null || value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("A Kafka user name or password must be non-empty and contain no"
                        + " quote or backslash");
            }
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out trying to " + what + " (" + TIMEOUT_SECONDS + " s)", e);
        }
    }
}
