package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.PlanBudgetLine;
import org.poahub.contract.PlanOperation;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.PlanTargetKind;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.KraftBroker;

/**
 * With no broker, reports are validated and saved (an invalid one is refused with Spanish reasons); the service
 * sends them by itself once the broker appears; outcomes the hub publishes are shown by {@code listar}, rejections
 * with the hub's Spanish reasons.
 */
class OfflineThenOnlineIT {

    static final String REGION = "BO-C";

    @TempDir
    Path dir;

    @Test
    void savedOfflineSentWhenTheBrokerAppearsAndOutcomesListed() throws Exception {
        int brokerPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + brokerPort;
        try (TestRegistryServer registry = new TestRegistryServer()) {
            AgentITSupport.registerSchemas(registry, REGION);
            AgentProcess agent = new AgentProcess(dir.resolve("agente"), REGION, bootstrap, registry.url(),
                    new Properties());

            AgentProcess.Output progress = agent.run("avance", "--operacion", "11.04.02", "--desde", "2020-03-01",
                    "--hasta", "2020-03-31", "--valor", "4", "--porcentaje", "30", "--responsable", "Ana Quispe");
            assertThat(progress.exitCode()).as(progress.stderr()).isZero();
            assertThat(progress.stdout()).contains("Informe guardado");
            AgentProcess.Output spent = agent.run("gasto", "--operacion", "11.04.02", "--partida", "25220",
                    "--monto", "1250.50", "--fecha", "2020-03-15", "--comprobante", "CBTE-153");
            assertThat(spent.exitCode()).as(spent.stderr()).isZero();
            AgentProcess.Output unknown = agent.run("avance", "--operacion", "99.01.01", "--desde", "2020-03-01",
                    "--hasta", "2020-03-31", "--valor", "1", "--responsable", "Ana Quispe");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.stderr()).contains("NO se guardó").contains("OPERATION_UNKNOWN")
                    .contains("La operación '99.01.01' no existe en el POA de la gestión 2020");
            AgentProcess.Output status = agent.run("estado");
            assertThat(status.stdout()).contains("Pendientes de envío: 2").contains("Último contacto con el servidor: nunca");

            Process service = agent.start("ejecutar", "--sin-carpeta");
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> agent.run("estado").stdout().contains("Sin conexión"));
                try (KraftBroker broker = KraftBroker.builder(dir.resolve("broker")).port(brokerPort)
                        .maxHeap("384m").start()) {
                    assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
                    AgentITSupport.createTopics(bootstrap, REGION);
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                            AgentITSupport.countByState(agent.database()).getOrDefault("ENVIADO", 0L) == 2);
                    List<SpecificRecord> arrived = AgentITSupport.readReports(bootstrap, registry.url(), REGION);
                    assertThat(AgentITSupport.distinct(arrived)).hasSize(2);

                    publishOutcomes(bootstrap, registry.url(), arrived);
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> agent.run("listar", "--rechazados").stdout()
                                    .contains("El gasto supera lo programado para marzo"));
                    AgentProcess.Output all = agent.run("listar");
                    assertThat(all.stdout()).contains("aceptado con observaciones").contains("rechazado")
                            .contains("ERROR BUDGET_CHECK (amount): El gasto supera lo programado para marzo")
                            .contains("Observación DATE_OUTSIDE_OPERATION");

                    // a plan update from the hub: the agent validates against the newest plan
                    publishPlan(bootstrap, registry.url());
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                            .until(() -> agent.run("avance", "--operacion", "99.01.01", "--desde", "2020-03-01",
                                    "--hasta", "2020-03-31", "--valor", "1", "--responsable", "Ana Quispe")
                                    .exitCode() == 0);
                    assertThat(agent.run("estado").stdout()).contains("Plan en caché: servidor-v2");
                }
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
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.PLAN, REGION, snapshot));
            producer.flush();
        }
    }

    /** Does what the hub's outcome route will do: one outcome per report on the region's outcome topic. */
    private static void publishOutcomes(String bootstrap, String registryUrl, List<SpecificRecord> reports) {
        AvroWireSerializer<ReportOutcome> serializer = new AvroWireSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        try (KafkaProducer<String, ReportOutcome> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serializer)) {
            for (SpecificRecord report : reports) {
                ReportOutcome.Builder outcome = ReportOutcome.newBuilder().setMessageId(AgentITSupport.messageId(report))
                        .setRegionCode(REGION).setProcessedAt(Instant.now());
                if (report instanceof ProgressReport) {
                    outcome.setReportKind(ReportKind.PROGRESS).setStatus(OutcomeStatus.ACCEPTED_WITH_WARNINGS)
                            .setFindings(List.of(new Finding("DATE_OUTSIDE_OPERATION", Severity.WARNING, "periodStart",
                                    "El periodo está fuera del cronograma de la operación.")));
                } else {
                    ExpenditureReport e = (ExpenditureReport) report;
                    outcome.setReportKind(ReportKind.EXPENDITURE).setStatus(OutcomeStatus.REJECTED)
                            .setFindings(List.of(new Finding("BUDGET_CHECK", Severity.ERROR, "amount",
                                    "El gasto supera lo programado para marzo (" + e.getAmount() + ").")));
                }
                producer.send(new ProducerRecord<>(Topics.outcomes(REGION), REGION, outcome.build()));
            }
            producer.flush();
        }
    }

}
