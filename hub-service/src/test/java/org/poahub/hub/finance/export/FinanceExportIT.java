package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.poahub.contract.FinanceExecution;
import org.poahub.contract.RegionAcls;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.StaffActions;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.poahub.hub.review.NationalPeriodApproved;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.testkit.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code finance-execution-out} to a local outbox folder and to the Kafka topic, on the real PostgreSQL and broker:
 * the SENAVEX 2020 plan, the illustrative mapping and regional expenditure reports written as ingest writes them.
 */
// a port of its own, so that the hub's registry client reaches the embedded registry it serves (the schema of the
// Avro record is registered there, by the hub's registry writer)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(StaffActions.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceExportIT {

    static final String PASSWORD = UUID.randomUUID().toString();
    static final String PLANIFICADORA = "planificadora:" + PASSWORD;
    static final String CONSULTA = "consulta:" + PASSWORD;
    static final String TOPIC = "poa.finance.execution.it-" + UUID.randomUUID();
    static final int PORT = RealServers.freePort();
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();
    static final Path OUTBOX = tempDirectory();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("server.port", () -> PORT);
        RealServers.registerRegistryWriter(registry, 3, "registro", REGISTRY_PASSWORD);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.reconciliation.recheck-interval", () -> "1h");
        registry.add("poa.finance.export.directory", OUTBOX::toString);
        registry.add("poa.finance.export.topic", () -> TOPIC);
        String[][] users = {{"planificadora", "PLANIFICADOR"}, {"consulta", "CONSULTA"}};
        RealServers.registerUsers(registry, PASSWORD, users);
    }

    final int port = PORT;

    @Autowired
    JdbcClient sql;

    @Autowired
    BudgetMappingService mappings;

    @Autowired
    StaffActions audit;

    @Autowired
    SchemaRegistryClient registry;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    List<ScheduledTaskHolder> scheduler;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong offset = new AtomicLong();
    private final List<String> events2020T2 = new CopyOnWriteArrayList<>();
    private WatchService watcher;
    private Thread watching;

    @BeforeAll
    void mappingReportsAndAWatchOnTheOutbox() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            mappings.load(in.readAllBytes(), "mapeo.csv", "planificadora");
        }
        expenditure("BO-L", "11.04.01", "11700", "600000.00", "2020-05-20");
        expenditure("BO-L", "11.04.02", "25220", "12300.00", "2020-03-15");
        expenditure("BO-C", "11.04.02", "25220", "9040.00", "2020-03-31");
        expenditure("BO-L", "04.01.01", "26990", "2500.00", "2020-04-11");
        // not counted in 2020-T2: spent after June, and rejected
        expenditure("BO-L", "11.04.02", "25220", "1000.00", "2020-07-02");
        report("REJECTED", "BO-L", "11.04.02", "25220", "3000.00", "2020-06-01");
        progress("11.04.02", "BO-L", "3.0000", "2020-06-30");
        // Every create/modify in the outbox, in order (inotify: a rename shows as the new name's creation).
        watcher = FileSystems.getDefault().newWatchService();
        OUTBOX.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        watching = new Thread(this::watch, "outbox-watch");
        watching.setDaemon(true);
        watching.start();
    }

    @AfterAll
    void stopWatching() throws IOException {
        watcher.close();
    }

    @Test
    @Order(1)
    void anExportWritesTheCsvAndXlsxWhoseFiguresAreTheApisAndTheDoneFileLast() throws IOException {
        JsonNode api = getJson("/api/finance/exports/2020/2020-T2/execution", CONSULTA);
        assertThat(api.path("spent").decimalValue()).isEqualByComparingTo("623840.00");

        HttpResponse<String> created = post("/api/finance/exports/2020/2020-T2", PLANIFICADORA);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode export = json.readTree(created.body());
        assertThat(export.path("version").asInt()).isEqualTo(1);
        assertThat(export.path("fileBase").asString()).isEqualTo("ejecucion_41_2020_2020-T2_v1");
        assertThat(export.path("requestedBy").asString()).isEqualTo("planificadora");
        assertThat(export.path("trigger").asString()).isEqualTo("API");
        Path done = awaitFile("ejecucion_41_2020_2020-T2_v1.done");
        Path csv = OUTBOX.resolve("ejecucion_41_2020_2020-T2_v1.csv");
        Path xlsx = OUTBOX.resolve("ejecucion_41_2020_2020-T2_v1.xlsx");

        // the .done file names both files whole (hash and size), and is the last name to appear
        assertThat(Files.readString(done)).isEqualTo(
                csv.getFileName() + ";" + sha256(csv) + ";" + Files.size(csv) + "\r\n"
                        + xlsx.getFileName() + ";" + sha256(xlsx) + ";" + Files.size(xlsx) + "\r\n");
        assertThat(sha256(csv)).isEqualTo(export.path("csvSha256").asString());
        assertThat(sha256(xlsx)).isEqualTo(export.path("xlsxSha256").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> events2020T2.contains("CREATE " + done.getFileName()));
        List<String> finalNames = events2020T2.stream().filter(e -> !e.endsWith(".part")).toList();
        assertThat(finalNames).as("final names only appear by rename, each once, .done last").containsExactly(
                "CREATE " + csv.getFileName(), "CREATE " + xlsx.getFileName(), "CREATE " + done.getFileName());
        assertThat(events2020T2).contains("MODIFY " + csv.getFileName() + ".part");
        assertThat(listOutbox()).noneMatch(name -> name.endsWith(".part"));

        // the CSV's figures are the API's, row for row
        List<CSVRecord> rows = csvRows(csv);
        List<CSVRecord> lines = rows.stream().filter(r -> r.get(0).equals("PARTIDA")).toList();
        List<JsonNode> apiLines = items(api.path("lines"));
        assertThat(lines).hasSize(apiLines.size()).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            CSVRecord row = lines.get(i);
            JsonNode line = apiLines.get(i);
            assertThat(row.get(4)).isEqualTo(line.path("category").asString());
            assertThat(row.get(5)).isEqualTo(line.path("partida").asString());
            assertThat(row.get(6)).isEqualTo(line.path("source").asString());
            assertThat(new BigDecimal(row.get(10))).isEqualByComparingTo(line.path("budget").decimalValue());
            assertThat(new BigDecimal(row.get(11))).isEqualByComparingTo(line.path("spent").decimalValue());
        }
        List<CSVRecord> operations = rows.stream().filter(r -> r.get(0).equals("OPERACION")).toList();
        List<JsonNode> apiOperations = items(api.path("operations"));
        assertThat(operations).hasSize(apiOperations.size()).hasSizeGreaterThan(40);
        for (int i = 0; i < operations.size(); i++) {
            assertThat(operations.get(i).get(1)).isEqualTo(apiOperations.get(i).path("code").asString());
            assertThat(new BigDecimal(operations.get(i).get(8)))
                    .isEqualByComparingTo(apiOperations.get(i).path("physicalProgress").decimalValue());
            assertThat(new BigDecimal(operations.get(i).get(11)))
                    .isEqualByComparingTo(apiOperations.get(i).path("spent").decimalValue());
        }
        CSVRecord total = rows.get(rows.size() - 1);
        assertThat(total.get(0)).isEqualTo("TOTAL");
        assertThat(new BigDecimal(total.get(11))).isEqualByComparingTo(api.path("spent").decimalValue());
        assertThat(new BigDecimal(total.get(10))).isEqualByComparingTo(api.path("budget").decimalValue());
        // the shared category 11-0000-004 / 25220 / 20-230 holds BO-L's 12,300.00 and BO-C's 9,040.00 up to June
        assertThat(apiLines).anySatisfy(l -> {
            assertThat(l.path("category").asString()).isEqualTo("11-0000-004");
            assertThat(l.path("partida").asString()).isEqualTo("25220");
            assertThat(l.path("source").asString()).isEqualTo("20-230");
            assertThat(l.path("spent").decimalValue()).isEqualByComparingTo("21340.00");
        });

        // the XLSX carries the same rows
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            Sheet table = workbook.getSheet("Ejecución");
            assertThat(table.getLastRowNum()).isEqualTo(rows.size() - 11); // 10 header rows and the titles (the blank line is skipped)
            assertThat(table.getRow(table.getLastRowNum()).getCell(11).getNumericCellValue())
                    .isEqualTo(api.path("spent").decimalValue().doubleValue());
        }

        // recorded (delivered, audited) with the figures it carried
        JsonNode detail = await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/finance/exports/"
                + export.path("id").asLong(), CONSULTA), d -> !d.path("export").path("deliveredAt").isNull());
        assertThat(detail.path("execution")).isEqualTo(api);
        assertThat(detail.path("export").path("destination").asString()).isEqualTo("file:" + OUTBOX.toAbsolutePath());
        assertThat(audit.of("FINANCE_EXECUTION_EXPORTED")).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("planificadora");
            assertThat(a.target()).isEqualTo("ejecucion/2020/2020-T2");
            assertThat(a.after()).containsEntry("version", 1).containsEntry("csvSha256", sha256(csv));
        });
    }

    @Test
    @Order(2)
    void theSameStateAskedForAgainReturnsTheEarlierExportAndWritesNothing() {
        HttpResponse<String> again = post("/api/finance/exports/2020/2020-T2", PLANIFICADORA);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("version").asInt()).isEqualTo(1);
        assertThat(sql.sql("select count(*) from finance_export where period = '2020-T2'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(listOutbox()).filteredOn(n -> n.contains("2020-T2")).containsExactlyInAnyOrder(
                "ejecucion_41_2020_2020-T2_v1.csv", "ejecucion_41_2020_2020-T2_v1.xlsx",
                "ejecucion_41_2020_2020-T2_v1.done");
        assertThat(audit.of("FINANCE_EXECUTION_EXPORTED")).hasSize(1);
    }

    @Test
    @Order(3)
    void aChangedStateGetsTheNextVersion() {
        expenditure("BO-S", "11.05.01", "11700", "5000.00", "2020-06-15");

        HttpResponse<String> changed = post("/api/finance/exports/2020/2020-T2", PLANIFICADORA);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(201);
        assertThat(json.readTree(changed.body()).path("version").asInt()).isEqualTo(2);
        awaitFile("ejecucion_41_2020_2020-T2_v2.done");
        assertThat(listOutbox()).contains("ejecucion_41_2020_2020-T2_v1.done", "ejecucion_41_2020_2020-T2_v2.csv");
        assertThat(items(getJson("/api/finance/exports?year=2020", CONSULTA)))
                .extracting(e -> e.path("period").asString() + " v" + e.path("version").asInt())
                .containsExactly("2020-T2 v1", "2020-T2 v2");
        assertThat(getJson("/api/finance/exports/2020/2020-T2/execution", CONSULTA).path("spent").decimalValue())
                .isEqualByComparingTo("628840.00");
    }

    @Test
    @Order(4)
    void eachVersionIsOnTheCompactedTopicAsAnAvroRecordDecodedWithTheRegisteredSchema() {
        AvroWireDeserializer<FinanceExecution> deserializer = new AvroWireDeserializer<>(registry,
                Map.of(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, FinanceExecution.class.getName()), false);
        List<FinanceExecution> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            published.clear();
            for (ConsumerRecord<byte[], byte[]> r : TestKafka.readAll(TOPIC)) {
                assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("2020/2020-T2");
                published.add(deserializer.deserialize(TOPIC, r.value()));
            }
            assertThat(published).extracting(FinanceExecution::getVersion).containsExactly(1, 2);
        });
        FinanceExecution latest = published.get(1);
        JsonNode api = getJson("/api/finance/exports/2020/2020-T2/execution", CONSULTA);
        assertThat(latest.getSpent()).isEqualByComparingTo(api.path("spent").decimalValue());
        assertThat(latest.getLines()).hasSize(api.path("lines").size());
        assertThat(latest.getMappingVersion()).isEqualTo(1);
        assertThat(latest.getStateSha256()).isEqualTo(sql.sql("select state_sha256 from finance_export where"
                + " period = '2020-T2' and version = 2").query(String.class).single());
        assertThat(registry.latestVersion(TOPIC + "-value").schema().getFields())
                .extracting(org.apache.avro.Schema.Field::name)
                .isEqualTo(FinanceExecution.getClassSchema().getFields().stream()
                        .map(org.apache.avro.Schema.Field::name).toList());
        assertThat(sql.sql("select count(*) from finance_export where published_at is null").query(Long.class)
                .single()).isZero();
    }

    @Test
    @Order(5)
    void aNationalApprovalExportsThePeriodOnceItCommitsAndARolledBackOneDoesNot() {
        Instant at = Instant.parse("2020-04-10T15:00:00Z");
        transaction.executeWithoutResult(s -> {
            events.publishEvent(new NationalPeriodApproved(2020, "2020-04", LocalDate.of(2020, 4, 1),
                    LocalDate.of(2020, 4, 30), "analista", at));
            s.setRollbackOnly();
        });
        transaction.executeWithoutResult(s -> events.publishEvent(new NationalPeriodApproved(2020, "2020-03",
                LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31), "analista", at)));

        assertThat(sql.sql("select period || ' ' || trigger || ' ' || requested_by from finance_export"
                + " where period like '2020-0%'").query(String.class).list())
                .containsExactly("2020-03 APROBACION analista");
        awaitFile("ejecucion_41_2020_2020-03_v1.done");
    }

    @Test
    @Order(6)
    void aPeriodThatIsNotOneOfTheGestionIsRefusedInSpanish() {
        HttpResponse<String> refused = post("/api/finance/exports/2020/2021-T1", PLANIFICADORA);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("detail").asString()).isEqualTo("El período '2021-T1' no es"
                + " de la gestión 2020: escriba un mes (2020-03), un trimestre (2020-T1) o la gestión (2020).");
        assertThat(post("/api/finance/exports/2019/2019", PLANIFICADORA).statusCode()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void withoutACronNothingIsScheduled() {
        assertThat(FinanceExportScheduleIT.exportSchedules(scheduler)).isEmpty();
        assertThat(sql.sql("select count(*) from finance_export where trigger = 'PROGRAMADO'").query(Long.class)
                .single()).isZero();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
                if (key == null) {
                    continue;
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    String name = String.valueOf(event.context());
                    if (name.contains("2020-T2_v1")) {
                        events2020T2.add((event.kind() == StandardWatchEventKinds.ENTRY_CREATE ? "CREATE "
                                : "MODIFY ") + name);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // the test class is done
        }
    }

    private void expenditure(String region, String operation, String partida, String amount, String spentOn) {
        report("ACCEPTED", region, operation, partida, amount, spentOn);
    }

    private void report(String status, String region, String operation, String partida, String amount,
            String spentOn) {
        long n = offset.incrementAndGet();
        sql.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, object_code, funding_source, amount, spent_on, reported_at,
                    raw_payload, schema_id, topic, kafka_partition, kafka_offset)
                values (?, 'EXPENDITURE', ?, ?, ?, ?, 2020, ?, ?, 'Columna 1', ?, ?, now(), '\\x00'::bytea, 1, ?, 0, ?)""")
                .params(UUID.randomUUID(), status, region, "agent-" + region.toLowerCase(java.util.Locale.ROOT), n,
                        operation, partida, new BigDecimal(amount), Date.valueOf(LocalDate.parse(spentOn)),
                        "poa." + region.toLowerCase(java.util.Locale.ROOT) + ".expenditure", n)
                .update();
    }

    private void progress(String operation, String region, String value, String periodEnd) {
        sql.sql("insert into consolidated_progress (fiscal_year, operation_code, region_code, cumulative_value,"
                        + " last_period_end, last_message_id, reports) values (2020, ?, ?, ?, ?, ?, 1)")
                .params(operation, region, new BigDecimal(value), Date.valueOf(LocalDate.parse(periodEnd)),
                        UUID.randomUUID())
                .update();
    }

    private static Path awaitFile(String name) {
        Path file = OUTBOX.resolve(name);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(file));
        return file;
    }

    private static List<String> listOutbox() {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> csvRows(Path csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8)).getRecords();
    }

    private static String sha256(Path file) {
        try {
            return ExtractFileHandler.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("poa-finance-salida-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String path, String credentials) {
        return HubHttp.send(HubHttp.request(port, path, credentials).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String credentials) {
        HttpResponse<String> response = HubHttp.get(port, path, credentials);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
