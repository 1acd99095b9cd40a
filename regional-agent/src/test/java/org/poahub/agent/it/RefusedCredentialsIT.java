package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.testkit.AgentAccount;
import org.poahub.testkit.TestKafka;

/**
 * An office whose credential is refused is told so in Spanish (which user, which server, what to ask the central IT
 * unit for) by {@code estado}, {@code ejecutar} and {@code sincronizar}, never "Sin conexión"; its reports stay
 * pending. One case per refusal: registry 401, registry 403, Kafka login refused, broker ACL denial.
 */
class RefusedCredentialsIT {

    static final String REGION = "BO-N";
    static final String OTHER_REGION = "BO-P";
    static final String REGISTRY_USER = "agente-bo-n";
    static final String REGISTRY_PASSWORD = "clave-del-registro";

    @TempDir
    Path dir;

    @BeforeAll
    static void topics() throws Exception {
        AgentITSupport.createTopics(TestKafka.bootstrapServers(), REGION);
        AgentITSupport.createTopics(TestKafka.bootstrapServers(), OTHER_REGION);
    }

    @Test
    void aRegistryPasswordRefusedWithHttp401IsReportedAsSuch() throws Exception {
        AgentAccount account = TestKafka.agent(REGION, "agente-cred-401");
        try (TestRegistryServer registry = registry(true)) {
            Properties config = account.agentConfig();
            config.setProperty("registry.user", REGISTRY_USER);
            config.setProperty("registry.password", "no-es-la-clave");
            assertRefused(agent("r401", account, registry, config),
                    "El registro de esquemas del servidor central (" + registry.url() + ") rechazó el usuario «"
                            + REGISTRY_USER + "» (HTTP 401)",
                    "registry.user y registry.password");
        }
    }

    @Test
    void aRegistryAccountWithoutReadPermissionIsReportedAsHttp403() throws Exception {
        AgentAccount account = TestKafka.agent(REGION, "agente-cred-403");
        try (TestRegistryServer registry = registry(false)) {
            Properties config = account.agentConfig();
            config.setProperty("registry.user", REGISTRY_USER);
            config.setProperty("registry.password", REGISTRY_PASSWORD);
            assertRefused(agent("r403", account, registry, config),
                    "no permite leer al usuario «" + REGISTRY_USER + "» (HTTP 403)",
                    "el permiso de lectura del registro");
        }
    }

    @Test
    void aKafkaPasswordRefusedByTheBrokerNamesTheUserAndTheServer() throws Exception {
        AgentAccount account = TestKafka.agent(REGION, "agente-cred-sasl").withPassword("no-es-la-clave");
        try (TestRegistryServer registry = registry(true)) {
            Properties config = account.agentConfig();
            config.setProperty("registry.user", REGISTRY_USER);
            config.setProperty("registry.password", REGISTRY_PASSWORD);
            assertRefused(agent("sasl", account, registry, config),
                    "El servidor Kafka central (" + account.bootstrapServers() + ") rechazó el usuario «agente-cred-sasl»",
                    "kafka.user y kafka.password");
        }
    }

    @Test
    void anAgentConfiguredForAnotherRegionIsRefusedByTheBrokerAndToldWhichTopic() throws Exception {
        AgentAccount account = TestKafka.agent(REGION, "agente-cred-acl");
        try (TestRegistryServer registry = registry(true)) {
            AgentITSupport.registerSchemas(registry, OTHER_REGION);
            Properties config = account.agentConfig();
            config.setProperty("region", OTHER_REGION);
            config.setProperty("registry.user", REGISTRY_USER);
            config.setProperty("registry.password", REGISTRY_PASSWORD);
            AgentProcess agent = new AgentProcess(dir.resolve("acl"), OTHER_REGION, account.bootstrapServers(),
                    registry.url(), config);
            assertRefused(agent, "no permite al usuario «agente-cred-acl» usar el tema poa.bo-p.",
                    "los permisos de la regional " + OTHER_REGION);
        }
    }

    /** Reports saved offline, then the service and {@code sincronizar} run into the refusal and say so. */
    private static void assertRefused(AgentProcess agent, String who, String what) throws Exception {
        assertThat(agent.run("simular", "--cantidad", "2", "--invalidos", "0").exitCode()).isZero();
        Process service = agent.start("ejecutar", "--sin-carpeta");
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(agent.run("estado").stdout()).contains(who).contains(what));
            String status = agent.run("estado").stdout();
            assertThat(status).contains("Pendientes de envío: 2").contains("Pida a la unidad de sistemas central")
                    .contains("Los informes siguen guardados").doesNotContain("Sin conexión");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readString(agent.outputFile(), StandardCharsets.UTF_8))
                            .contains("ATENCIÓN: ").contains(who));
        } finally {
            AgentProcess.stop(service);
        }
        Process sync = agent.start("sincronizar");
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Files.readString(agent.outputFile(), StandardCharsets.UTF_8)).contains(who)
                            .doesNotContain("Sin conexión"));
        } finally {
            AgentProcess.stop(sync);
        }
        assertThat(AgentITSupport.countByState(agent.database())).containsEntry("PENDIENTE", 2L);
    }

    private AgentProcess agent(String name, AgentAccount account, TestRegistryServer registry, Properties config)
            throws Exception {
        return new AgentProcess(dir.resolve(name), REGION, account.bootstrapServers(), registry.url(), config);
    }

    private static TestRegistryServer registry(boolean mayRead) throws Exception {
        TestRegistryServer registry = new TestRegistryServer();
        AgentITSupport.registerSchemas(registry, REGION);
        return registry.requireLogin(REGISTRY_USER, REGISTRY_PASSWORD, mayRead);
    }
}
