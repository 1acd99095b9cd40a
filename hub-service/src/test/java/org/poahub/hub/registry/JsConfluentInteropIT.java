package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interoperability with Confluent's own JavaScript client ({@code @confluentinc/schemaregistry} with kafkajs, see
 * {@code src/test/js}): it registers and resolves schemas in the hub's registry, and reads and writes the same
 * Kafka bytes as the project's serde. Needs {@code node} and {@code npm} (and the npm registry on first run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JsConfluentInteropIT {

    static final String WRITER = "schema-publisher";
    static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    static final Path JS_SOURCES = Path.of("src/test/js");
    static final Path JS_WORK = Path.of("target/js-interop");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> WRITER);
        registry.add("poa.security.users[1].password", () -> "{noop}" + WRITER_PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "ESQUEMAS");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void installConfluentJsClient() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "node and npm are not on PATH: the interoperability proof with Confluent's JavaScript client is skipped");
        Files.createDirectories(JS_WORK);
        for (String file : List.of("package.json", "interop.js")) {
            Files.copy(JS_SOURCES.resolve(file), JS_WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-package-lock"), Map.of(), 300);
    }

    @Test
    void javaReadsAProgressReportThatConfluentsJsClientRegisteredAndProduced() throws Exception {
        String topic = "interop-" + UUID.randomUUID() + ".progress";
        TestKafka.createTopics(1, topic);
        Path schemaFile = JS_WORK.resolve("ProgressReport.avsc");
        Files.writeString(schemaFile, RegistryHttp.pretty(ProgressReport.getClassSchema().toString()));

        JsonNode result = node("produce-progress", Map.of("TOPIC", topic, "SCHEMA_FILE", schemaFile.toAbsolutePath().toString()));

        int id = result.path("schemaId").asInt();
        assertThat(result.path("wireSchemaId").asInt()).isEqualTo(id);
        RegistryHttp registry = new RegistryHttp(registryUrl(), WRITER, WRITER_PASSWORD);
        assertThat(registry.get("/subjects/" + topic + "-value/versions/latest").json().path("id").asInt()).isEqualTo(id);

        List<ConsumerRecord<byte[], byte[]>> records = TestKafka.readAll(topic);
        assertThat(records).hasSize(1);
        ProgressReport report;
        try (AvroWireDeserializer<ProgressReport> deserializer = new AvroWireDeserializer<>()) {
            deserializer.configure(serdeProps(WRITER, WRITER_PASSWORD), false);
            report = deserializer.deserialize(topic, records.get(0).value());
        }

        JsonNode sent = result.path("report");
        assertThat(report.getMessageId()).isEqualTo(UUID.fromString(sent.path("messageId").asString()));
        assertThat(report.getAgentId()).isEqualTo(sent.path("agentId").asString());
        assertThat(report.getRegionCode()).isEqualTo("BO-L");
        assertThat(report.getSequence()).isEqualTo(42L);
        assertThat(report.getFiscalYear()).isEqualTo(2020);
        assertThat(report.getOperationCode()).isEqualTo("11.04.02");
        assertThat(report.getPeriodStart()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(report.getPeriodEnd()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(report.getReportedAt()).isEqualTo(Instant.parse("2020-04-01T00:00:00.123Z"));
        assertThat(report.getAchievedValue()).isEqualTo(new BigDecimal("12.5000"));
        assertThat(report.getPercentComplete()).isEqualTo(new BigDecimal("-0.75"));
        assertThat(report.getNarrative()).isEqualTo(sent.path("narrative").asString())
                .isEqualTo("Avance del primer trimestre: tres talleres de exportación");
        assertThat(report.getEvidence()).containsExactly("INF-2020-017", "ACTA-03");
        assertThat(report.getReporter()).isEqualTo("María Quispe");
        assertThat(report.getCorrectsMessageId()).isNull();
        assertThat(report.getClientVersion()).isEqualTo("js-interop");
    }

    @Test
    void confluentsJsClientReadsAnExpenditureReportWrittenByTheJavaSerializer() throws Exception {
        String topic = "interop-" + UUID.randomUUID() + ".expenditure";
        TestKafka.createTopics(1, topic);
        ExpenditureReport sent = ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID())
                .setAgentId("agent-java-bo-c")
                .setRegionCode("BO-C")
                .setSequence(7L)
                .setFiscalYear(2020)
                .setOperationCode("11.04.02")
                .setObjectCode("25220")
                .setFundingSource("TGN")
                .setAmount(new BigDecimal("12345.67"))
                .setSpentOn(LocalDate.of(2020, 5, 14))
                .setDocumentNumber("CBTE-2020-0815")
                .setDescription("Consultoría por producto, taller de Cochabamba")
                .setReportedAt(Instant.parse("2020-05-15T13:45:10.250Z"))
                .setClientVersion("java-serde")
                .build();
        Map<String, Object> producerProps = new HashMap<>(serdeProps(WRITER, WRITER_PASSWORD));
        producerProps.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        producerProps.putAll(TestKafka.adminClientProperties());
        AvroWireSerializer<ExpenditureReport> serializer = new AvroWireSerializer<>();
        serializer.configure(producerProps, false);
        try (KafkaProducer<String, ExpenditureReport> producer =
                     new KafkaProducer<>(producerProps, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, sent.getMessageId().toString(), sent)).get(30, TimeUnit.SECONDS);
        }

        JsonNode result = node("consume-expenditure", Map.of("TOPIC", topic));

        RegistryHttp registry = new RegistryHttp(registryUrl(), WRITER, WRITER_PASSWORD);
        assertThat(result.path("wireSchemaId").asInt())
                .isEqualTo(registry.get("/subjects/" + topic + "-value/versions/latest").json().path("id").asInt());
        JsonNode read = result.path("record");
        // The JS client has no decimal type: the script turns the unscaled bytes into text, compared exactly.
        assertThat(read.path("amount").asString()).isEqualTo("12345.67");
        assertThat(new BigDecimal(read.path("amount").asString())).isEqualTo(sent.getAmount());
        assertThat(read.path("messageId").asString()).isEqualTo(sent.getMessageId().toString());
        assertThat(read.path("agentId").asString()).isEqualTo("agent-java-bo-c");
        assertThat(read.path("regionCode").asString()).isEqualTo("BO-C");
        assertThat(read.path("sequence").asLong()).isEqualTo(7L);
        assertThat(read.path("fiscalYear").asInt()).isEqualTo(2020);
        assertThat(read.path("objectCode").asString()).isEqualTo("25220");
        assertThat(read.path("fundingSource").asString()).isEqualTo("TGN");
        assertThat(read.path("currency").asString()).isEqualTo("BOB");
        assertThat(read.path("spentOn").asLong()).isEqualTo(LocalDate.of(2020, 5, 14).toEpochDay());
        assertThat(read.path("documentNumber").asString()).isEqualTo("CBTE-2020-0815");
        assertThat(read.path("description").asString()).isEqualTo("Consultoría por producto, taller de Cochabamba");
        assertThat(read.path("reportedAt").asLong()).isEqualTo(sent.getReportedAt().toEpochMilli());
        assertThat(read.path("reversesMessageId").isNull()).isTrue();
        assertThat(read.path("clientVersion").asString()).isEqualTo("java-serde");
    }

    private String registryUrl() {
        return "http://localhost:" + port;
    }

    private Map<String, Object> serdeProps(String user, String password) {
        return Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl(),
                SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SerdeConfig.BASIC_AUTH_USER_INFO, user + ":" + password);
    }

    private JsonNode node(String command, Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("REGISTRY_URL", registryUrl());
        env.put("REGISTRY_USER", WRITER);
        env.put("REGISTRY_PASSWORD", WRITER_PASSWORD);
        env.put("KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        env.put("KAFKA_USER", TestKafka.broker().security().adminUser());
        env.put("KAFKA_PASSWORD", TestKafka.broker().security().adminPassword());
        String output = run(List.of("node", "interop.js", command), env, 120);
        String result = output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("interop.js printed no RESULT line:\n" + output));
        return JsonMapper.builder().build().readTree(result.substring("RESULT ".length()));
    }

    /** Runs a command in the JS work directory; returns its standard output, fails with its error output. */
    private static String run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile(JS_WORK.toAbsolutePath(), "stderr-", ".log");
        Path out = Files.createTempFile(JS_WORK.toAbsolutePath(), "stdout-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(JS_WORK.toFile())
                .redirectOutput(out.toFile()).redirectError(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n" + read(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " failed with exit code " + process.exitValue() + ":\n"
                    + read(out) + "\n" + read(log));
        }
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
