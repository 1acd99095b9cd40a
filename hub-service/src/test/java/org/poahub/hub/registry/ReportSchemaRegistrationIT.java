package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.SchemaHistory;
import org.poahub.contract.Topics;
import org.poahub.hub.RealServers;
import org.poahub.plan.RegionCatalogue;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub registers every report schema version under every regional subject at start (against its own embedded
 * registry, reached over HTTP like an external one), a restart changes nothing, and an agent that never registers
 * can then serialise.
 */
class ReportSchemaRegistrationIT {

    static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    static final String AGENT_PASSWORD = UUID.randomUUID().toString();

    private final RegistryTestHubs hubs = new RegistryTestHubs(WRITER_PASSWORD, "agente-bo-s", AGENT_PASSWORD);

    @AfterEach
    void stopHubs() {
        hubs.close();
    }

    @Test
    void everyRegionalSubjectHoldsEveryVersionAfterStartAndARestartChangesNothing() throws Exception {
        int port = RealServers.freePort();
        ConfigurableApplicationContext first = start(port);
        assertThat(first.getBean(ReportSchemaRegistrar.class).completion().get(2, TimeUnit.MINUTES)).isPositive();
        SchemaRegistryClient registry = client(port, RegistryTestHubs.WRITER + ":" + WRITER_PASSWORD);
        Map<String, List<Integer>> afterFirst = idsBySubject(registry);

        List<RegionCatalogue.Region> regions = RegionCatalogue.loadDefault().regions();
        assertThat(afterFirst).hasSize(regions.size() * 2);
        List<ReportSchemaRegistrar.Registration> expected = first.getBean(ReportSchemaRegistrar.class).registrations();
        for (RegionCatalogue.Region region : regions) {
            assertHoldsHistory(registry, Topics.progress(region.code()) + "-value", "ProgressReport", expected);
            assertHoldsHistory(registry, Topics.expenditure(region.code()) + "-value", "ExpenditureReport", expected);
        }

        first.close();
        ConfigurableApplicationContext second = start(port);
        second.getBean(ReportSchemaRegistrar.class).completion().get(2, TimeUnit.MINUTES);
        assertThat(idsBySubject(client(port, RegistryTestHubs.WRITER + ":" + WRITER_PASSWORD))).isEqualTo(afterFirst);

        // An agent: reader credentials, auto-registration off, the subject of its own region's topic.
        try (AvroWireSerializer<SpecificRecordBase> agent = new AvroWireSerializer<>()) {
            agent.configure(Map.of(
                    SerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:" + port,
                    SerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                    SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                    SerdeConfig.BASIC_AUTH_USER_INFO, "agente-bo-s:" + AGENT_PASSWORD), false);
            byte[] bytes = agent.serialize(Topics.progress("BO-S"), progress("BO-S"));
            assertThat(bytes[0]).as("Confluent magic byte").isZero();
            assertThat(afterFirst.get(Topics.progress("BO-S") + "-value"))
                    .contains(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt());
        }
    }

    /** Version n of the subject is release n of the record (in the generated classes' form, see the registrar). */
    private static void assertHoldsHistory(SchemaRegistryClient registry, String subject, String record,
            List<ReportSchemaRegistrar.Registration> expected) {
        List<Schema> history = SchemaHistory.versions(record);
        List<Schema> registered = expected.stream().filter(r -> r.subject().equals(subject))
                .map(ReportSchemaRegistrar.Registration::schema).toList();
        assertThat(registered).hasSize(history.size());
        assertThat(registry.versions(subject)).as(subject).hasSize(history.size());
        for (int v = 0; v < history.size(); v++) {
            assertThat(registry.lookup(subject, registered.get(v)).version()).as(subject + " v" + (v + 1)).isEqualTo(v + 1);
            assertThat(registry.version(subject, v + 1).schema().getFields()).as("the fields of the release")
                    .extracting(Schema.Field::name)
                    .isEqualTo(history.get(v).getFields().stream().map(Schema.Field::name).toList());
        }
    }

    private static Map<String, List<Integer>> idsBySubject(SchemaRegistryClient registry) {
        Map<String, List<Integer>> ids = new TreeMap<>();
        for (String subject : registry.subjects()) {
            if (!subject.matches("poa\\.bo-[a-z]\\.(progress|expenditure)-value")) {
                continue; // the plan publisher registers its own subject, maybe later
            }
            List<Integer> subjectIds = new ArrayList<>();
            for (int version : registry.versions(subject)) {
                subjectIds.add(registry.version(subject, version).id());
            }
            ids.put(subject, subjectIds);
        }
        return ids;
    }

    private static SchemaRegistryClient client(int port, String userInfo) {
        return new RestSchemaRegistryClient(RegistryClientConfig.of("http://localhost:" + port, userInfo));
    }

    /** A hub on {@code port} with the writer's registry login, so that it registers the report schemas at start. */
    private ConfigurableApplicationContext start(int port) {
        return hubs.start(Map.of("server.port", port,
                "poa.registry.username", RegistryTestHubs.WRITER,
                "poa.registry.password", WRITER_PASSWORD));
    }

    private static ProgressReport progress(String region) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agente-" + region).setRegionCode(region).setSequence(1)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal("1.0000"))
                .setPercentComplete(null).setReporter("Responsable regional").setCorrectsMessageId(null)
                .setClientVersion("test")
                .build();
    }
}
