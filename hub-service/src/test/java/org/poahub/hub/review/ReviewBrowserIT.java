package org.poahub.hub.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.Browser;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.ScreenshotOnFailure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review screen and the audit page in a real headless Chromium against a whole hub (real PostgreSQL with the
 * SENAVEX 2020 plan, reports through its own broker and the hub's ingest route): La Paz presents March, an analyst
 * observes it with a comment that La Paz then reads, La Paz presents again, the analyst approves; a late correction
 * and a late expense reopen March (PENDIENTE_REAPROBACION with both reports listed and the difference), the analyst
 * re-approves. A stale page meets the server's 409 in Spanish. Then the audit page, as ADMIN, lists those
 * transitions with the comment, downloads them, and the chain verifies intact. Every person signs in through the
 * login form and out with the page's button.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserIT {

    private static final KraftBroker BROKER = startBroker();

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "agent-writer";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String ANALYST = "ana";
    private static final String OTHER_ANALYST = "bruno";
    private static final String LA_PAZ = "lucia";
    private static final String ADMIN = "jefe-ti";
    private static final String OBSERVATION = "Falta el gasto de la partida 26990.";
    private static final String MARCH = "/api/review/2020/2020-03/BO-L";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        RealServers.ownBroker(registry, BROKER::bootstrapServers);
        user(registry, 2, ANALYST, "ANALISTA", null);
        user(registry, 3, OTHER_ANALYST, "ANALISTA", null);
        user(registry, 4, LA_PAZ, "REGIONAL", "BO-L");
        user(registry, 5, ADMIN, "ADMIN", null);
    }

    private static void user(DynamicPropertyRegistry registry, int i, String name, String role, String region) {
        registry.add("poa.security.users[" + i + "].name", () -> name);
        registry.add("poa.security.users[" + i + "].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[" + i + "].roles[0]", () -> role);
        if (region != null) {
            registry.add("poa.security.users[" + i + "].region", () -> region);
        }
    }

    private KafkaProducer<String, byte[]> producer;
    private AvroWireSerializer<SpecificRecord> serializer;
    private Browser browser;
    private ProgressReport marchProgress;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    void reportMarchAndStartTheBrowser() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        serializer = new AvroWireSerializer<>(new RestSchemaRegistryClient(
                RegistryClientConfig.of("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD)),
                Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        // La Paz's March: progress 1 on 11.04.02 and an expense of 120 000.00 Bs
        marchProgress = progress(1, "1", LocalDate.of(2020, 3, 31), null);
        send(marchProgress);
        send(expenditure(2, "120000.00", LocalDate.of(2020, 3, 15)));
        await().atMost(WAIT).until(() -> {
            JsonNode current = api(MARCH, ANALYST).at("/figures/current");
            return current.path("spent").decimalValue().compareTo(new BigDecimal("120000.00")) == 0
                    && operation(current, "11.04.02").path("progressReports").asInt() == 1;
        });
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    @Order(1)
    void theRegionPresentsTheAnalystObservesTheRegionReadsTheCommentAndPresentsAgainTheAnalystApproves() {
        // La Paz: only its own region in the grid; March open and complete, "Presentar" offered, nothing else
        signIn(LA_PAZ);
        openReview();
        assertThat(regionRows()).containsExactly("BO-L La Paz");
        assertThat(cell("2020-03", "BO-L").getText()).isEqualTo("Abierto");
        openCell("2020-03", "BO-L");
        assertThat(text("#detalle-titulo")).isEqualTo("La Paz (BO-L), período 2020-03 (2020-03-01 a 2020-03-31)");
        assertThat(text("#completitud-resumen")).startsWith("Completo: sin secuencias faltantes ni informes rechazados.");
        assertThat(api(MARCH, LA_PAZ).at("/completeness/complete").asBoolean()).isTrue();
        assertThat(buttons()).containsExactly("Presentar");
        click("presentar");
        awaitState("Presentado");
        await().atMost(WAIT).until(() -> text("#aviso").equals("Período presentado: queda en revisión del analista."));
        assertThat(cell("2020-03", "BO-L").getText()).isEqualTo("Presentado");
        assertThat(buttons()).isEmpty();
        signOut();

        // the analyst: every region; an observation needs a comment (checked before anything is sent)
        signIn(ANALYST);
        openReview();
        assertThat(regionRows()).hasSize(9).contains("BO-L La Paz", "BO-C Cochabamba");
        openCell("2020-03", "BO-L");
        assertThat(text("#detalle-estado")).isEqualTo("Presentado");
        assertThat(buttons()).containsExactly("Aprobar", "Observar");
        click("observar");
        await().atMost(WAIT).until(() -> text("#error").equals("Escriba la observación: qué debe corregir la regional."));
        assertThat(api(MARCH, ANALYST).get("state").asString()).isEqualTo("PRESENTADO");
        browser.driver().findElement(By.id("observacion")).sendKeys(OBSERVATION);
        click("observar");
        awaitState("Observado");
        assertThat(text("#detalle-comentario")).isEqualTo("Comentario: " + OBSERVATION);
        assertThat(buttons()).isEmpty();
        signOut();

        // La Paz reads the observation, then presents again
        signIn(LA_PAZ);
        openReview();
        assertThat(cell("2020-03", "BO-L").getText()).isEqualTo("Observado");
        openCell("2020-03", "BO-L");
        assertThat(text("#detalle-comentario")).isEqualTo("Comentario: " + OBSERVATION);
        assertThat(rows("#historial")).anySatisfy(r -> assertThat(r).contains("Presentado", "Observado", ANALYST,
                OBSERVATION));
        assertThat(buttons()).containsExactly("Presentar");
        click("presentar");
        awaitState("Presentado");
        signOut();

        // the analyst approves: the figures are frozen beside the current ones
        signIn(ANALYST);
        openReview();
        openCell("2020-03", "BO-L");
        click("aprobar");
        awaitState("Aprobado");
        await().atMost(WAIT).until(() -> text("#aviso").startsWith("Período aprobado: sus cifras quedan congeladas."));
        assertThat(cell("2020-03", "BO-L").getText()).isEqualTo("Aprobado");
        assertThat(text("#cifras-nota")).startsWith("Aprobadas: cifras al 2020-03-31");
        assertThat(figuresRow("11.04.02")).containsExactly("1", "1");
        assertThat(text("#cifras tr.total")).isEqualTo("Gasto total de la regional " + money("120000") + " "
                + money("120000"));
        assertThat(text("#diferencia")).isEqualTo("Sin diferencia con lo aprobado.");
        assertThat(rows("#tardios")).containsExactly("Ninguno desde la última aprobación.");
        assertThat(buttons()).isEmpty();
    }

    @Test
    @Order(2)
    void lateDataShowsPendingReapprovalWithTheLateReportsAndTheDifferenceAndTheAnalystReapproves() {
        // still signed in as the analyst; a correction of March's progress (1 → 2) and a late expense of 5 000.00
        ProgressReport correction = progress(3, "2", LocalDate.of(2020, 3, 31), marchProgress.getMessageId());
        send(correction);
        send(expenditure(4, "5000.00", LocalDate.of(2020, 3, 20)));
        await().atMost(WAIT).until(() -> api(MARCH, ANALYST).get("lateReports").size() == 2);

        openReview();
        assertThat(cell("2020-03", "BO-L").getText()).isEqualTo("Pendiente de reaprobación");
        openCell("2020-03", "BO-L");
        assertThat(text("#detalle-estado")).isEqualTo("Pendiente de reaprobación");
        List<String> late = rows("#tardios");
        assertThat(late).hasSize(2);
        assertThat(late).anySatisfy(r -> assertThat(r).contains("Avance", "11.04.02", "2020-03-31")
                .endsWith(" 2 — " + marchProgress.getMessageId()));
        assertThat(late).anySatisfy(r -> assertThat(r).contains("Gasto", "11.04.02", "2020-03-20",
                money("5000")));
        assertThat(text("#diferencia")).isEqualTo("Diferencia con lo aprobado: gasto +" + money("5000")
                + " Bs; 11.04.02: valor acumulado 1 → 2, gasto " + money("120000") + " → " + money("125000")
                + " Bs.");
        assertThat(figuresRow("11.04.02")).containsExactly("1", "2");
        assertThat(browser.driver().findElement(By.xpath("//table[@id='cifras']//tr[td[starts-with(., '11.04.02')]]"))
                .getAttribute("class")).isEqualTo("cambiada");
        assertThat(text("#cifras tr.total")).isEqualTo("Gasto total de la regional " + money("120000") + " "
                + money("125000"));
        assertThat(rows("#historial")).last().satisfies(r -> assertThat(r).contains("Aprobado",
                "Pendiente de reaprobación", "system"));

        browser.screenshot("revision-pendiente-de-reaprobacion");

        click("aprobar");
        awaitState("Aprobado");
        assertThat(text("#diferencia")).isEqualTo("Sin diferencia con lo aprobado.");
        assertThat(rows("#tardios")).containsExactly("Ninguno desde la última aprobación.");
        assertThat(text("#cifras tr.total")).isEqualTo("Gasto total de la regional " + money("125000") + " "
                + money("125000"));
        assertThat(api(MARCH, ANALYST).get("snapshots").size()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aStalePageGetsTheServersSpanishConflictAndChangesNothing() {
        // April: La Paz presents it; the analyst opens it; meanwhile another analyst approves it
        assertThat(post("/api/review/2020/2020-04/BO-L/present", LA_PAZ).statusCode()).isEqualTo(200);
        openReview();
        openCell("2020-04", "BO-L");
        assertThat(text("#detalle-estado")).isEqualTo("Presentado");
        assertThat(post("/api/review/2020/2020-04/BO-L/approve", OTHER_ANALYST).statusCode()).isEqualTo(200);

        browser.driver().findElement(By.id("observacion")).sendKeys("Revise el avance de abril.");
        click("observar");

        await().atMost(WAIT).until(() -> !text("#error").isEmpty());
        assertThat(text("#error")).isEqualTo("El período BO-L 2020-04 cambió mientras lo revisaba: usted vio la "
                + "versión 1 y ahora es la 2 (APROBADO). Vuelva a cargarlo.");
        assertThat(api("/api/review/2020/2020-04/BO-L", ANALYST).get("state").asString()).isEqualTo("APROBADO");
    }

    @Test
    @Order(4)
    void theAuditPageListsTheTransitionsWithTheCommentDownloadsThemAndTheChainIsIntact() throws IOException {
        signOut();
        signIn(ADMIN);
        browser.open(url("/auditoria.html"));
        await().atMost(WAIT).until(() -> !rows("#registros").isEmpty());
        browser.driver().findElement(By.id("objeto")).sendKeys("BO-L/2020-03");
        click("buscar");
        await().atMost(WAIT).until(() -> rows("#registros").size() == 6);

        // newest first: who, what (in Spanish, with its code), on what, before and after
        List<List<String>> entries = cells("#registros");
        assertThat(entries).extracting(e -> e.get(2) + " | " + e.get(3) + " | " + e.get(4)).containsExactly(
                "ana | Período aprobado (PERIOD_APPROVED) | BO-L/2020-03",
                "system | Período reabierto por datos tardíos (PERIOD_REOPENED_BY_LATE_DATA) | BO-L/2020-03",
                "ana | Período aprobado (PERIOD_APPROVED) | BO-L/2020-03",
                "lucia | Período presentado (PERIOD_PRESENTED) | BO-L/2020-03",
                "ana | Período observado (PERIOD_OBSERVED) | BO-L/2020-03",
                "lucia | Período presentado (PERIOD_PRESENTED) | BO-L/2020-03");
        List<String> observed = entries.get(4);
        assertThat(observed.get(5)).isEqualTo("state: PRESENTADO version: 1");
        // the stored JSON has its keys sorted (docs/security.md, "Hash chain")
        assertThat(observed.get(6)).isEqualTo("comment: " + OBSERVATION + " state: OBSERVADO version: 2");
        assertThat(entries.get(1).get(6)).contains("state: PENDIENTE_REAPROBACION");
        assertThat(text("#total")).startsWith("6 registro(s)");
        assertThat(browser.driver().findElement(By.id("descargar")).getDomAttribute("href"))
                .isEqualTo("api/audit/export.xlsx?target=BO-L%2F2020-03");

        Map<String, Object> download = download("descargar");
        assertThat(download).containsEntry("status", 200L);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                Base64.getDecoder().decode((String) download.get("body"))))) {
            DataFormatter formatter = new DataFormatter();
            StringBuilder all = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(c -> all.append(formatter.formatCellValue(c))
                    .append('|')));
            assertThat(all.toString()).contains("PERIOD_OBSERVED", "PERIOD_REOPENED_BY_LATE_DATA", OBSERVATION)
                    .doesNotContain("BO-L/2020-04");
        }

        // who and what: the observation alone, and the Excel link follows
        browser.driver().findElement(By.id("objeto")).clear();
        browser.driver().findElement(By.id("actor")).sendKeys(ANALYST);
        browser.driver().findElement(By.id("accion")).sendKeys("PERIOD_OBSERVED");
        click("buscar");
        await().atMost(WAIT).until(() -> text("#total").startsWith("1 registro(s)"));
        assertThat(cells("#registros")).singleElement().satisfies(e -> assertThat(e.get(6)).contains(OBSERVATION));
        assertThat(browser.driver().findElement(By.id("descargar")).getDomAttribute("href"))
                .isEqualTo("api/audit/export.xlsx?actor=ana&action=PERIOD_OBSERVED");
        // dates: nothing from tomorrow on; an empty range is the server's Spanish refusal
        String tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        browser.script("document.getElementById('desde').value = arguments[0];", tomorrow);
        click("buscar");
        await().atMost(WAIT).until(() -> text("#total").startsWith("0 registro(s)"));
        browser.script("document.getElementById('hasta').value = arguments[0];", "2020-01-01");
        click("buscar");
        await().atMost(WAIT).until(() -> text("#error").startsWith("El rango de fechas está vacío"));
        click("limpiar");
        await().atMost(WAIT).until(() -> text("#error").isEmpty() && rows("#registros").size() > 6);

        click("verificar");
        await().atMost(WAIT).until(() -> text("#verificacion").startsWith("Cadena"));
        browser.screenshot("auditoria-verificada");
        assertThat(text("#verificacion")).matches(
                "Cadena íntegra: \\d+ fila\\(s\\) verificada\\(s\\), ninguna alterada\\.");
        long shown = Long.parseLong(text("#verificacion").replaceAll("\\D", ""));
        long total = JSON.readTree(HubHttp.get(PORT, "/api/audit/verification", ADMIN + ":" + PASSWORD).body())
                .get("rowsChecked").asLong();
        assertThat(shown).isGreaterThanOrEqualTo(8).isLessThanOrEqualTo(total);
    }

    // ---- the browser ------------------------------------------------------------------------------------------

    private static String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    /** The login form, as a person signs in (session cookie and CSRF). */
    private void signIn(String user) {
        browser.open(url("/login.html"));
        await().atMost(WAIT).until(() -> !browser.driver().findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.id("usuario")).sendKeys(user);
        browser.driver().findElement(By.id("clave")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("entrar")).click();
        await().atMost(WAIT).until(() -> !browser.driver().getCurrentUrl().contains("login"));
    }

    /** The page's "Cerrar sesión" button. */
    private void signOut() {
        await().atMost(WAIT).until(() -> !browser.driver().findElements(By.id("salir")).isEmpty());
        click("salir");
        await().atMost(WAIT).until(() -> browser.driver().getCurrentUrl().contains("login.html?salida"));
    }

    private void openReview() {
        browser.open(url("/revision.html"));
        await().atMost(WAIT).until(() -> !browser.driver().findElements(
                By.cssSelector("#grilla td[data-periodo] button")).isEmpty());
    }

    private WebElement cell(String period, String region) {
        return browser.driver().findElement(By.cssSelector(
                "#grilla td[data-periodo='" + period + "'][data-regional='" + region + "'] button"));
    }

    /** Clicks a cell and waits for its detail. */
    private void openCell(String period, String region) {
        cell(period, region).click();
        await().atMost(WAIT).until(() -> text("#detalle-titulo").contains("(" + region + "), período " + period));
    }

    private void awaitState(String label) {
        await().atMost(WAIT).until(() -> text("#detalle-estado").equals(label));
    }

    private List<String> regionRows() {
        return browser.driver().findElements(By.cssSelector("#grilla tbody tr:not(.nacional) th")).stream()
                .map(WebElement::getText).toList();
    }

    /** The transition buttons the page shows. */
    private List<String> buttons() {
        return browser.driver().findElements(By.cssSelector("#acciones button")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** An operation's cumulative value as approved and now. */
    private List<String> figuresRow(String code) {
        List<WebElement> cells = browser.driver().findElement(
                By.xpath("//table[@id='cifras']//tr[td[starts-with(., '" + code + "')]]")).findElements(By.tagName("td"));
        return List.of(cells.get(1).getText(), cells.get(2).getText());
    }

    private List<String> rows(String table) {
        return browser.driver().findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(r -> r.getText().replaceAll("\\s+", " ").trim()).toList();
    }

    /** Each row's cells, as text (whitespace collapsed). */
    private List<List<String>> cells(String table) {
        return browser.driver().findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream()
                        .map(td -> td.getText().replaceAll("\\s+", " ").trim()).toList())
                .toList();
    }

    private String text(String css) {
        List<WebElement> found = browser.driver().findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText().replaceAll("\\s+", " ").trim();
    }

    private void click(String id) {
        browser.driver().findElement(By.id(id)).click();
    }

    /** An amount as the page formats it (the browser's es-BO number format). */
    private String money(String amount) {
        return (String) browser.script("return new Intl.NumberFormat('es-BO', {minimumFractionDigits: 2, "
                + "maximumFractionDigits: 2}).format(arguments[0]);", Double.parseDouble(amount));
    }

    /** Fetches a link's target with the page's session, as a download would. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> download(String linkId) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})
                  .then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    bytes.forEach(b => { binary += String.fromCharCode(b); });
                    done({status: r.status, body: btoa(binary)});
                  })
                  .catch(e => done({error: String(e)}));""", linkId);
    }

    // ---- the hub's API and reports ----------------------------------------------------------------------------

    private static JsonNode api(String path, String user) {
        HttpResponse<String> response = HubHttp.get(PORT, path, user + ":" + PASSWORD);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String path, String user) {
        return HubHttp.send(HubHttp.request(PORT, path, user + ":" + PASSWORD)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode operation(JsonNode figures, String code) {
        for (JsonNode op : figures.path("operations")) {
            if (op.path("code").asString().equals(code)) {
                return op;
            }
        }
        return JSON.missingNode();
    }

    private void send(SpecificRecord report) {
        String topic = report instanceof ProgressReport p ? Topics.progress(p.getRegionCode())
                : Topics.expenditure(((ExpenditureReport) report).getRegionCode());
        try {
            producer.send(new ProducerRecord<>(topic, topic, serializer.serialize(topic, report))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    private static ProgressReport progress(long sequence, String value, LocalDate end, UUID corrects) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(end.withDayOfMonth(1)).setPeriodEnd(end)
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(corrects)
                .setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure(long sequence, String amount, LocalDate spentOn) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220")
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(spentOn)
                .setDocumentNumber("C-" + sequence).setReportedAt(Instant.now()).setReversesMessageId(null)
                .setClientVersion(null)
                .build();
    }

    private static KraftBroker startBroker() {
        try {
            Path dir = Files.createTempDirectory("poa-review-browser-kafka-");
            KraftBroker broker = KraftBroker.builder(dir).maxHeap("256m").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory left behind is harmless
                }
            }, "poa-review-browser-kafka-stop"));
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
