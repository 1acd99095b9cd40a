package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.poahub.contract.RegionAcls;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestSftpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code finance-execution-out} to a folder on a real SFTP server (Apache MINA SSHD): delivered whole, and when the
 * server is down the export is recorded undelivered, tried again with back-off, and delivered once when it is back.
 */
// a port of its own, so that the hub's registry client reaches the embedded registry it serves (the schema of the
// Avro record is registered there, by the hub's registry writer)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceExportSftpIT {

    static final TestSftpServer SFTP = TestSftpServer.start();
    static final Path OUTBOX = SFTP.root().resolve("salida");
    static final String TOPIC = "poa.finance.execution.it-" + UUID.randomUUID();
    static final int PORT = RealServers.freePort();
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(OUTBOX);
        RealServers.register(registry);
        registry.add("server.port", () -> PORT);
        RealServers.registerRegistryWriter(registry, 1, "registro", REGISTRY_PASSWORD);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.export.topic", () -> TOPIC);
        registry.add("poa.finance.export.sftp.host", SFTP::host);
        registry.add("poa.finance.export.sftp.port", SFTP::port);
        registry.add("poa.finance.export.sftp.user", SFTP::user);
        registry.add("poa.finance.export.sftp.password", SFTP::password);
        registry.add("poa.finance.export.sftp.directory", () -> "salida");
        registry.add("poa.finance.export.redeliveries", () -> "1");
        registry.add("poa.finance.export.redelivery-delay", () -> "100ms");
        registry.add("poa.finance.export.retry-first", () -> "500ms");
        registry.add("poa.finance.export.retry-max", () -> "2s");
    }

    @AfterAll
    static void stop() {
        SFTP.close();
    }

    final int port = PORT;

    @Autowired
    JdbcClient sql;

    @Autowired
    ExportDelivery delivery;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void anExportIsWrittenWholeToTheSftpFolderWithItsDoneFile() throws IOException {
        HttpResponse<String> created = post("/api/finance/exports/2020/2020-03");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitFile("ejecucion_41_2020_2020-03_v1.done");
        assertFilesOf("2020-03", 1);
        assertThat(delivered("2020-03")).isTrue();
        assertThat(sql.sql("select destination from finance_export where period = '2020-03'").query(String.class)
                .single()).isEqualTo("sftp://" + SFTP.user() + "@127.0.0.1:" + SFTP.port() + "/salida");
    }

    @Test
    @Order(2)
    void withTheServerDownTheExportWaitsUndeliveredAndIsDeliveredOnceWhenItIsBack() throws IOException {
        SFTP.stop();
        long id;
        try {
            HttpResponse<String> created = post("/api/finance/exports/2020/2020-T1");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode export = json.readTree(created.body());
            assertThat(export.path("deliveredAt").isNull()).isTrue();

            // attempts fail and are tried again with back-off (0.5 s, 1 s, 2 s, 2 s ...); nothing is delivered or written
            id = export.path("id").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery.failedAttempts(id) >= 3);
            assertThat(delivered("2020-T1")).isFalse();
            assertThat(names()).noneMatch(n -> n.contains("2020-T1"));
        } finally {
            SFTP.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered("2020-T1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivery.failedAttempts(id) == 0);
        awaitFile("ejecucion_41_2020_2020-T1_v1.done");
        assertFilesOf("2020-T1", 1);
        // asking again after the delivery changes nothing
        assertThat(post("/api/finance/exports/2020/2020-T1").statusCode()).isEqualTo(200);
        assertThat(sql.sql("select count(*) from finance_export where period = '2020-T1'").query(Long.class)
                .single()).isEqualTo(1);
        assertFilesOf("2020-T1", 1);
    }

    /** Exactly the CSV, the XLSX and the .done of the version, no temporary file, the hashes those recorded. */
    private void assertFilesOf(String period, int version) throws IOException {
        String base = "ejecucion_41_2020_" + period + "_v" + version;
        assertThat(names()).filteredOn(n -> n.contains(period)).containsExactlyInAnyOrder(base + ".csv",
                base + ".xlsx", base + ".done");
        String csvSha = ExtractFileHandler.sha256(Files.readAllBytes(OUTBOX.resolve(base + ".csv")));
        String xlsxSha = ExtractFileHandler.sha256(Files.readAllBytes(OUTBOX.resolve(base + ".xlsx")));
        assertThat(sql.sql("select csv_sha256 || ' ' || xlsx_sha256 from finance_export where period = ?"
                + " and version = ?").params(period, version).query(String.class).single())
                .isEqualTo(csvSha + " " + xlsxSha);
        assertThat(Files.readString(OUTBOX.resolve(base + ".done"))).contains(base + ".csv;" + csvSha + ";")
                .contains(base + ".xlsx;" + xlsxSha + ";");
    }

    private boolean delivered(String period) {
        return sql.sql("select delivered_at is not null from finance_export where period = ?").param(period)
                .query(Boolean.class).single();
    }

    private static void awaitFile(String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(OUTBOX.resolve(name)));
    }

    private static List<String> names() {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path) {
        return HubHttp.send(HubHttp.request(port, path, RealServers.USER + ":" + RealServers.PASSWORD)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
