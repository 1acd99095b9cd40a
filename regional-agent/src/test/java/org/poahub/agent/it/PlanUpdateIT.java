package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.PlanBudgetLine;
import org.poahub.contract.PlanOperation;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.PlanTargetKind;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.AgentAccount;
import org.poahub.testkit.TestKafka;

/**
 * The agent validates against the newest plan the hub publishes on {@code poa.plan}: an operation unknown to the
 * bundled plan is refused until a plan version holding it arrives. (Offline saving, sending when the broker appears
 * and the hub's outcomes in {@code listar} are proven against the real hub in local-stack's AgentToHubIT.)
 */
class PlanUpdateIT {

    static final String REGION = "BO-C";

    @TempDir
    Path dir;

    @Test
    void aNewerPlanFromTheHubIsUsedForValidation() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        AgentITSupport.createTopics(bootstrap, REGION);
        try (TestRegistryServer registry = new TestRegistryServer()) {
            AgentITSupport.registerSchemas(registry, REGION);
            // an idle agent looks for a new plan every plan.check-seconds (15 minutes by default)
            AgentAccount account = TestKafka.agent(REGION, "agente-bo-c");
            Properties config = account.agentConfig();
            config.setProperty("plan.check-seconds", "5");
            AgentProcess agent = new AgentProcess(dir.resolve("agente"), REGION, account.bootstrapServers(),
                    registry.url(), config);
            String[] unknownOperation = {"avance", "--operacion", "99.01.01", "--desde", "2020-03-01", "--hasta",
                    "2020-03-31", "--valor", "1", "--responsable", "Ana Quispe"};
            AgentProcess.Output refused = agent.run(unknownOperation);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("NO se guardó").contains("OPERATION_UNKNOWN");

            Process service = agent.start("ejecutar", "--sin-carpeta");
            try {
                publishPlan(bootstrap, registry.url());
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> agent.run(unknownOperation).exitCode() == 0);
                assertThat(agent.run("estado").stdout()).contains("Plan en caché: servidor-v2");
            } finally {
                AgentProcess.stop(service);
            }
        }
    }

    /** Does what the hub's plan publisher does: the region's snapshot on the compacted plan topic. */
    private static void publishPlan(String bootstrap, String registryUrl) {
        AvroWireSerializer<PlanSnapshot> serializer = new AvroWireSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_SCHEMAS,
                true), false);
        PlanOperation operation = PlanOperation.newBuilder().setCode("99.01.01").setName("Operación nueva")
                .setExpectedResult("").setIndicator("").setTargetKind(PlanTargetKind.COUNT)
                .setTargetValue(new BigDecimal("10.0000")).setMeansOfVerification("").setResponsibleUnit("SENAVEX")
                .setStartDate(LocalDate.of(2020, 1, 2)).setEndDate(LocalDate.of(2020, 12, 31))
                .setBudgetLines(List.of(PlanBudgetLine.newBuilder().setObjectCode("20000")
                        .setAmounts(List.of(new BigDecimal("1000.00"), new BigDecimal("0.00"))).build()))
                .build();
        PlanSnapshot snapshot = PlanSnapshot.newBuilder().setRegionCode(REGION).setFiscalYear(2020).setPlanVersion(2)
                .setEntityCode("41").setEntityAcronym("SENAVEX").setPublishedAt(Instant.now())
                .setFundingColumns(List.of("Columna 1", "Columna 2")).setActions(List.of()).setOperations(List.of(operation))
                .setExpenditureGroups(List.of()).build();
        try (KafkaProducer<String, PlanSnapshot> producer = new KafkaProducer<>(
                TestKafka.clientProperties(bootstrap), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.PLAN, REGION, snapshot));
            producer.flush();
        }
    }
}
