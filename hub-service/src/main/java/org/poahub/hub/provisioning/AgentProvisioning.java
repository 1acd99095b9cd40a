package org.poahub.hub.provisioning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.poahub.contract.BrokerAccounts;
import org.poahub.contract.RegionAcls;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.hub.security.accounts.UserAccounts;
import org.poahub.plan.RegionCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-step agent provisioning: the agent's Kafka account (SCRAM-SHA-512 user = agent id, ACLs of
 * {@link RegionAcls#forAgent}) through Kafka's Admin API, its read-only registry account ({@link UserAccounts},
 * role AGENTE) and a ready {@code poa-agent.properties}; revoking removes the Kafka account and deactivates the
 * registry one. Passwords are generated here, returned once and never logged. The hub's Kafka principal needs
 * {@link RegionAcls#forProvisioner} for this.
 */
@Service
public class AgentProvisioning {

    private static final Logger log = LoggerFactory.getLogger(AgentProvisioning.class);

    private final Admin admin;
    private final UserAccounts accounts;
    private final RegionCatalogue regions;
    private final KafkaProperties kafka;
    private final ProvisioningProperties properties;
    private final ApplicationEventPublisher events;

    AgentProvisioning(Admin admin, UserAccounts accounts, RegionCatalogue regions, KafkaProperties kafka,
                      ProvisioningProperties properties, ApplicationEventPublisher events) {
        this.admin = admin;
        this.accounts = accounts;
        this.regions = regions;
        this.kafka = kafka;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Creates the agent's accounts. The registry account and the audit row are written in this transaction, the
     * Kafka account last: if Kafka refuses, nothing stays in the database.
     */
    @Transactional
    public ProvisionedAgent provision(String region, String agentId, String actor) {
        String code = checkRegion(region);
        String id = checkAgentId(agentId);
        String caPem = caCertificate();
        if (kafkaUserExists(id)) {
            throw new ProvisioningException("Ya existe un usuario Kafka '" + id + "': revóquelo antes (revoke-agent) o"
                    + " use otro identificador de agente.");
        }
        String registryPassword = BrokerAccounts.newPassword();
        String kafkaPassword = BrokerAccounts.newPassword();
        accounts.createAgent(id, code, registryPassword, actor);
        var acls = RegionAcls.forAgent(code, id);
        events.publishEvent(new StaffAction(actor, "AGENT_PROVISIONED", id, Map.of(), Map.of("region", code,
                "kafkaUser", id, "acls", acls.stream().map(RegionAcls::describe).toList())));
        try {
            BrokerAccounts.create(admin, id, kafkaPassword, acls);
        } catch (IllegalStateException e) {
            throw new ProvisioningException("El servidor Kafka (" + kafka.bootstrapServers() + ") no creó la cuenta del"
                    + " agente '" + id + "': " + e.getMessage() + ". ¿Tiene el usuario Kafka del servidor central los"
                    + " permisos de aprovisionamiento (ALTER y DESCRIBE sobre el clúster)?", e);
        }
        log.info("Provisioned agent {} of region {} ({} ACLs)", id, code, acls.size());
        return new ProvisionedAgent(id, code, kafkaPassword, registryPassword, AgentPropertiesFile.render(code, id,
                kafka.agentBootstrapServers(), kafkaPassword, caPem, properties.registryUrl(), registryPassword,
                properties.dataDir()));
    }

    /** Deletes the agent's ACLs and SCRAM credential and deactivates its registry account. */
    @Transactional
    public int revoke(String agentId, String actor) {
        String id = checkAgentId(agentId);
        boolean registryAccount = accounts.find(id).isPresent();
        if (registryAccount) {
            accounts.deactivate(id, actor);
        }
        int acls;
        try {
            acls = BrokerAccounts.remove(admin, id);
        } catch (IllegalStateException e) {
            throw new ProvisioningException("El servidor Kafka (" + kafka.bootstrapServers() + ") no eliminó la cuenta"
                    + " del agente '" + id + "': " + e.getMessage(), e);
        }
        if (!registryAccount && acls == 0) {
            throw new ProvisioningException("No existe el agente '" + id + "' (ni cuenta del registro ni permisos"
                    + " Kafka).");
        }
        events.publishEvent(new StaffAction(actor, "AGENT_REVOKED", id, Map.of("aclsDeleted", acls), Map.of()));
        log.info("Revoked agent {} ({} ACLs deleted)", id, acls);
        return acls;
    }

    private String checkRegion(String region) {
        if (region == null || !regions.isKnown(region.strip())) {
            throw new ProvisioningException("Región desconocida '" + region + "': use un código del catálogo de"
                    + " regiones, p. ej. BO-L.");
        }
        return region.strip();
    }

    private static String checkAgentId(String agentId) {
        if (!RegionAcls.isAgentId(agentId)) {
            throw new ProvisioningException("Identificador de agente inválido '" + agentId + "': use de 1 a 64"
                    + " letras, dígitos, '.', '_' o '-', p. ej. agente-la-paz-1.");
        }
        return agentId;
    }

    private boolean kafkaUserExists(String user) {
        try {
            return !admin.describeUserScramCredentials(List.of(user)).description(user)
                    .get(30, TimeUnit.SECONDS).credentialInfos().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw new ProvisioningException("El servidor Kafka (" + kafka.bootstrapServers() + ") no respondió si"
                    + " existe el usuario '" + user + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ProvisioningException("El servidor Kafka (" + kafka.bootstrapServers() + ") no respondió a"
                    + " tiempo.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("Interrumpido.", e);
        }
    }

    /** The CA the offices trust (PEM), or null when the agents' listener needs no CA of its own. */
    private String caCertificate() {
        if (kafka.agentCaFile() == null || kafka.agentCaFile().isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(kafka.agentCaFile()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ProvisioningException("No se puede leer el certificado de la CA de Kafka "
                    + kafka.agentCaFile() + " (poa.kafka.agent-ca-file): " + e.getMessage(), e);
        }
    }
}
