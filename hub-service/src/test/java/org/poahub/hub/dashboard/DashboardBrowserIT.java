package org.poahub.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboard in a real headless Chromium against a real hub (real PostgreSQL and Kafka, SENAVEX 2020 plan, reports
 * of two regions for February to April ingested through Kafka): it loads, its charts are drawn with the hub's
 * figures, the drill-down opens, the "as of" date defaults to the latest reported period, the Excel and quarterly report
 * links download (the PDF read back with PDFBox).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    /**
     * A broker of its own: the figures the test reads are exactly the nine reports it sends (the suite's shared broker
     * holds other classes' reports on the same regional topics, which a fresh consumer group would read too).
     */
    private static final KraftBroker BROKER = RealServers.startOwnBroker("dashboard");
    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "hub";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Coloured pixels (channels more than 60 apart: series, not the grey axes, grid and text) of a chart's canvas
     * within margins (left, top, right, bottom) that leave out its legend and scale.
     */
    private static final String COLOURED_PIXELS = """
            const canvas = document.querySelector(arguments[0] + ' canvas');
            if (!canvas) { return -1; }
            const [left, top, right, bottom] = [arguments[1], arguments[2], arguments[3], arguments[4]];
            const px = canvas.getContext('2d').getImageData(left, top, canvas.width - left - right,
                canvas.height - top - bottom).data;
            let n = 0;
            for (let i = 0; i < px.length; i += 4) {
              const max = Math.max(px[i], px[i + 1], px[i + 2]), min = Math.min(px[i], px[i + 1], px[i + 2]);
              if (px[i + 3] > 200 && max - min > 60) { n++; }
            }
            return n;""";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        RealServers.ownBroker(registry, BROKER::bootstrapServers);
    }

    private Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    void reportAndOpen() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>(new RestSchemaRegistryClient(
                    new RegistryClientConfig(List.of(URI.create("http://localhost:" + PORT)),
                            WRITER + ":" + WRITER_PASSWORD, RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT,
                            Duration.ofSeconds(60))),
                    Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
            long sequence = 0;
            for (int month = 2; month <= 4; month++) {
                sequence++;
                send(producer, serializer, Topics.progress("BO-L"), progress("BO-L", sequence, month, month - 1));
                send(producer, serializer, Topics.progress("BO-C"), progress("BO-C", sequence, month, 1));
                send(producer, serializer, Topics.expenditure("BO-L"),
                        expenditure("BO-L", 100 + sequence, month, "150000.00"));
            }
        }
        await().atMost(WAIT).until(() -> {
            JsonNode reports = new ObjectMapper().readTree(HubHttp.get(PORT, "/api/consolidation/2020/summary",
                    RealServers.USER + ":" + RealServers.PASSWORD).body()).path("reports");
            return reports.path("accepted").asLong() + reports.path("acceptedWithWarnings").asLong() == 9;
        });
        browser = Browser.start();
        signIn();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The one place that knows how staff sign in: the form login, as a person does (session cookie and CSRF). */
    private void signIn() {
        browser.open("http://127.0.0.1:" + PORT + "/login.html");
        await().atMost(WAIT).until(() -> !browser.driver().findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.id("usuario")).sendKeys(RealServers.USER);
        browser.driver().findElement(By.id("clave")).sendKeys(RealServers.PASSWORD);
        browser.driver().findElement(By.id("entrar")).click();
        await().atMost(WAIT).until(() -> !browser.driver().getCurrentUrl().contains("login"));
        browser.open("http://127.0.0.1:" + PORT + "/");
    }

    @Test
    void theDashboardLoadsInSpanishWithTheNationalFigures() {
        await().atMost(WAIT).until(() -> !browser.driver().findElements(By.cssSelector("#resumen .tarjeta")).isEmpty());

        assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.driver().findElement(By.id("entidad")).getText()).contains("SENAVEX 2020");
        assertThat(browser.driver().findElement(By.id("resumen")).getText()).contains("Avance físico",
                "Presupuesto (Bs)", "9 aceptados");
    }

    @Test
    void eachChartIsDrawnWithTheHubsFigures() {
        await().atMost(WAIT).until(() -> "2020".equals(browser.script(
                "return document.getElementById('graficos').dataset.dibujado || null;")));

        // inside the plot areas (graficos.js: grid margins; the map's colour scale is on its left)
        assertThat(colouredPixels("#grafico-curva", 48, 24, 16, 56)).as("S-curve lines").isGreaterThan(100);
        assertThat(colouredPixels("#grafico-regionales", 48, 24, 16, 72)).as("region bars").isGreaterThan(1000);
        assertThat(colouredPixels("#grafico-mapa", 120, 0, 0, 0)).as("coloured departments").isGreaterThan(2000);
        // the S-curve: physical progress and spend through April (the last reported month), nothing after it
        @SuppressWarnings("unchecked")
        List<Object> physical = (List<Object>) browser.script("""
                return echarts.getInstanceByDom(document.getElementById('grafico-curva')).getOption()
                    .series[1].data;""");
        assertThat(physical.subList(1, 4)).allSatisfy(v -> assertThat(v).isNotNull());
        assertThat(physical.subList(4, 12)).containsOnlyNulls();
        // the map colours La Paz and Cochabamba (by their ISO code, through the region catalogue)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> map = (List<Map<String, Object>>) browser.script("""
                return echarts.getInstanceByDom(document.getElementById('grafico-mapa')).getOption()
                    .series[0].data.filter(d => d.value !== null && d.value !== undefined);""");
        assertThat(map).extracting(d -> d.get("name")).containsExactlyInAnyOrder("BO-L", "BO-C");
    }

    @Test
    void asOfDefaultsToTheLatestReportedPeriodNotToday() {
        await().atMost(WAIT).until(() -> !browser.driver().findElement(By.id("al-efectivo")).getText().isEmpty());

        // the last period reported ends 14 days after 2020-04-01
        assertThat(browser.driver().findElement(By.id("al-efectivo")).getText())
                .isEqualTo("cifras al 2020-04-15 (último período informado)");
    }

    @Test
    void theDrillDownOpensActionsOperationsAndRegions() {
        await().atMost(WAIT).until(() -> !browser.driver().findElements(By.cssSelector("#objetivos tr.objetivo")).isEmpty());
        WebElement objective = browser.driver().findElements(By.cssSelector("#objetivos tr.objetivo")).stream()
                .filter(r -> r.getText().startsWith("11")).findFirst().orElseThrow();

        objective.click();
        await().atMost(WAIT).until(() -> browser.driver().findElements(By.cssSelector("#objetivos tr.operacion"))
                .stream().anyMatch(r -> r.getText().startsWith("11.04.02")));
        browser.driver().findElements(By.cssSelector("#objetivos tr.operacion")).stream()
                .filter(r -> r.getText().startsWith("11.04.02")).findFirst().orElseThrow().click();

        await().atMost(WAIT).until(() -> browser.driver().findElements(By.cssSelector("#objetivos tr.regional")).size() == 2);
        assertThat(browser.driver().findElements(By.cssSelector("#objetivos tr.regional")))
                .extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("BO-L").contains("La Paz"))
                .anySatisfy(t -> assertThat(t).startsWith("BO-C").contains("Cochabamba"));
    }

    @Test
    void theExcelLinkDownloadsTheConsolidatedWorkbook() {
        await().atMost(WAIT).until(() -> !"#".equals(browser.driver().findElement(By.id("descargar")).getDomAttribute("href")));

        Map<String, Object> download = download("descargar");

        assertThat(download).containsEntry("status", 200L);
        assertThat(Base64.getDecoder().decode((String) download.get("body"))).startsWith((byte) 'P', (byte) 'K');
        assertThat((String) download.get("type")).startsWith("application/vnd.openxmlformats");
        assertThat((String) download.get("disposition")).contains("poa-2020-consolidado-2020-04-15.xlsx");
    }

    @Test
    void theQuarterlyReportLinkDownloadsAPdfWithTheFiguresAndTheSignatureBlock() throws Exception {
        await().atMost(WAIT).until(() -> !"#".equals(browser.driver().findElement(By.id("informe-pdf")).getDomAttribute("href")));
        new Select(browser.driver().findElement(By.id("trimestre"))).selectByValue("2");

        Map<String, Object> download = download("informe-pdf");

        assertThat(download).containsEntry("status", 200L).containsEntry("type", "application/pdf");
        assertThat((String) download.get("disposition")).contains("seguimiento-poa-2020-T2.pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) download.get("body")))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        // 11.04.02 spent 3 × Bs 150,000.00 in February to April; nobody has signed the quarter yet
        assertThat(text).contains("Informe de seguimiento y evaluación al POA 2020", "Trimestre 2, cifras al 2020-06-30",
                "11.04.02", "450.000,00", "11.320.195,00", "Elaborado", "Revisado", "Aprobado", "(sin firma)");
        Map<String, Object> workbook = download("informe-xlsx");
        assertThat(workbook).containsEntry("status", 200L);
        assertThat((String) workbook.get("disposition")).contains("seguimiento-poa-2020-T2.xlsx");
    }

    private int colouredPixels(String chart, int left, int top, int right, int bottom) {
        return ((Number) browser.script(COLOURED_PIXELS, chart, left, top, right, bottom)).intValue();
    }

    /** Fetches a link's target in the page, with the page's session, as a download would. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> download(String linkId) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})
                  .then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = '';
                    bytes.forEach(b => { binary += String.fromCharCode(b); });
                    done({status: r.status, type: r.headers.get('Content-Type'),
                          disposition: r.headers.get('Content-Disposition'), body: btoa(binary)});
                  })
                  .catch(e => done({error: String(e)}));""", linkId);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    private static ProgressReport progress(String region, long sequence, int month, int reportsSoFar) {
        LocalDate start = LocalDate.of(2020, month, 1);
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agente-" + region).setRegionCode(region)
                .setSequence(sequence).setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(start).setPeriodEnd(start.plusDays(14))
                .setReportedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setAchievedValue(new BigDecimal(reportsSoFar + ".0000")).setPercentComplete(null)
                .setReporter("Responsable regional").setCorrectsMessageId(null).setClientVersion("test")
                .build();
    }

    private static ExpenditureReport expenditure(String region, long sequence, int month, String amount) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agente-gasto-" + region).setRegionCode(region)
                .setSequence(sequence).setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220")
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount))
                .setSpentOn(LocalDate.of(2020, month, 10)).setDocumentNumber("C-" + sequence)
                .setReportedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setReversesMessageId(null)
                .setClientVersion("test")
                .build();
    }

    private static void send(KafkaProducer<String, byte[]> producer, AvroWireSerializer<SpecificRecord> serializer,
                             String topic, SpecificRecord report) {
        try {
            producer.send(new ProducerRecord<>(topic, topic, serializer.serialize(topic, report))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }
}
