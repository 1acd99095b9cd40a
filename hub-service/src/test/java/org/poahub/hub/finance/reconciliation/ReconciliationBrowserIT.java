package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
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
import org.openqa.selenium.support.ui.Select;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.ExtractOutcome;
import org.poahub.testkit.Browser;
import org.poahub.testkit.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's "Conciliación con SIGEP" page in a real headless Chromium against a whole hub on real PostgreSQL,
 * with the worked example of docs/finance.md loaded as the hub loads it (the illustrative mapping, the sample
 * execution extract and a voucher listing through {@link ExtractFileHandler}, the regional expenditure reports as
 * ingest writes them). Figures by hand (ReconciliationIT has the same example):
 *
 * <pre>
 * status              lines   SIGEP          regions        difference
 * CONCILIADO          3       1,242,061.25   1,242,061.25   0.00        (1,194,361.25 + 45,200.00 + 2,500.00)
 * DIFERENCIA          1          98,500.00      92,500.00   6,000.00    (6.09 %)
 * SOLO_EN_SIGEP       1         987,800.00           0.00   987,800.00
 * SOLO_EN_REGIONALES  1               0.00       5,000.00   -5,000.00
 * total               6       2,328,361.25   1,339,561.25   988,800.00
 * </pre>
 * A planner sees it all, filters lines and findings, downloads the workbook and recomputes; a CONSULTA user cannot
 * recompute; La Paz's neighbour Cochabamba (REGIONAL BO-C) sees only its line and its two findings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationBrowserIT {

    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String PLANNER = "planificadora";
    private static final String CONSULTA = "consulta";
    private static final String COCHABAMBA = "regional-bo-c";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.reconciliation.recheck-interval", () -> "1h");
        String[][] users = {{PLANNER, "PLANIFICADOR", null}, {CONSULTA, "CONSULTA", null},
                {COCHABAMBA, "REGIONAL", "BO-C"}};
        RealServers.registerUsers(registry, PASSWORD, users);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient sql;

    @Autowired
    BudgetMappingService mappings;

    @Autowired
    ExtractFileHandler extracts;

    private final AtomicLong offset = new AtomicLong();
    private long executionExtract;
    private long voucherExtract;
    private Browser browser;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> browser);

    @BeforeAll
    void theWorkedExampleAndABrowser() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            mappings.load(in.readAllBytes(), "mapeo.csv", PLANNER);
        }
        expenditure("BO-L", "11.04.01", "11700", "600000.00", "2020-05-20", null);
        expenditure("BO-L", "11.04.02", "11700", "594361.25", "2020-06-20", null);
        expenditure("BO-L", "11.04.02", "25220", "12300.00", "2020-03-15", "C-31 Nº 120");
        expenditure("BO-L", "11.04.03", "25220", "9040.00", "2020-03-31", "0121");
        expenditure("BO-L", "11.04.02", "25220", "5000.00", "2020-05-25", "170");
        expenditure("BO-L", "11.04.04", "25220", "66160.00", "2020-06-10", null);
        expenditure("BO-L", "04.01.01", "26990", "2500.00", "2020-04-11", "c31 n° 135");
        expenditure("BO-C", "11.04.02", "25220", "9040.00", "2020-03-31", "121");
        expenditure("BO-C", "11.04.05", "25220", "36160.00", "2020-05-05", "150");
        expenditure("BO-S", "11.05.01", "11700", "5000.00", "2020-05-05", "C-31 999");
        expenditure("BO-L", "11.04.02", "25220", "1000.00", "2020-07-02", "C-31 777"); // after the cut-off
        voucherExtract = load("comprobantes.csv", ReconciliationIT.VOUCHERS);
        try (InputStream in = ExtractFileHandler.class.getResourceAsStream("ejemplos/ejecucion-senavex-2020-06-30.csv")) {
            executionExtract = load("ejecucion.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void thePlannerSeesAsOfWhichExtractsTheTotalsPerStatusAndPerFinding() {
        signIn(PLANNER);
        openPage();

        assertThat(text("#alcance")).isEqualTo("Cifras de todas las regionales (nacional).");
        assertThat(text("#corte")).startsWith("Conciliación al corte del 30/06/2020 (gestión 2020), corrida Nº");
        assertThat(text("#extracto-ejecucion")).startsWith("Extracto de ejecución: Nº " + executionExtract
                + ", versión 1, corte 30/06/2020, cargado el ");
        assertThat(text("#extracto-comprobantes")).startsWith("Extracto de comprobantes: Nº " + voucherExtract
                + ", versión 1, corte 30/06/2020, cargado el ");
        assertThat(text("#calculada")).contains("(motivo: extracto EJECUCION " + executionExtract)
                .endsWith("tolerancia Bs " + money("0") + ".");
        assertThat(text("#informes")).startsWith("Informes regionales de gasto considerados: 10, el último recibido el");

        assertThat(statusRow("CONCILIADO")).containsExactly("Conciliado", "3", money("1242061.25"),
                money("1242061.25"), money("0"));
        assertThat(statusRow("DIFERENCIA")).containsExactly("Diferencia", "1", money("98500"), money("92500"),
                money("6000"));
        assertThat(statusRow("SOLO_EN_SIGEP")).containsExactly("Solo en SIGEP", "1", money("987800"), money("0"),
                money("987800"));
        assertThat(statusRow("SOLO_EN_REGIONALES")).containsExactly("Solo en regionales", "1", money("0"),
                money("5000"), money("-5000"));
        assertThat(text("#estados tr.total")).isEqualTo("Total 6 " + money("2328361.25") + " " + money("1339561.25")
                + " " + money("988800"));
        assertThat(text("#ajustes")).contains("programa 12 (DA 1, UE 1) Bs " + money("0.50"));

        assertThat(findingRow("DIFERENCIA_IMPORTE")).containsExactly("Diferencia de importe", "1", money("10300"),
                money("12300"));
        assertThat(findingRow("RECLAMADO_DOS_VECES").subList(0, 2)).containsExactly("Reclamado dos veces", "2");
        assertThat(findingRow("CONCILIADO").subList(0, 2)).containsExactly("Conciliado", "1");
        assertThat(text("#hallazgos tr.total")).startsWith("Total de hallazgos 8");
    }

    @Test
    @Order(2)
    void linesFilterByStatusOperationPartidaAndRegionAndFindingsByKind() {
        assertThat(rows("#lineas")).hasSize(6);
        assertThat(text("#lineas-total")).isEqualTo("6 línea(s).");

        new Select(browser.driver().findElement(By.id("f-estado"))).selectByValue("DIFERENCIA");
        click("filtrar");
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 1);
        assertThat(cells("#lineas").get(0)).containsExactly("11-0000-004",
                "11.04.01, 11.04.02, 11.04.03, 11.04.04, 11.04.05, 11.04.06", "25220", "20-230 (Columna 1)", "BO-L",
                money("98500"), money("92500"), money("6000"), money("6.09") + " %", "Diferencia");

        click("limpiar");
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 6);
        // 11.04.03 is behind the three lines of its shared category
        browser.driver().findElement(By.id("f-operacion")).sendKeys("11.04.03");
        click("filtrar");
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 3);
        assertThat(text("#lineas-total")).isEqualTo("3 línea(s) con los filtros elegidos.");

        click("limpiar");
        browser.driver().findElement(By.id("f-partida")).sendKeys("11700");
        click("filtrar");
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 3 && text("#lineas").contains("11-0000-005"));
        assertThat(cells("#lineas")).allSatisfy(c -> assertThat(c.get(2)).isEqualTo("11700"));

        click("limpiar");
        assertThat(new Select(browser.driver().findElement(By.id("f-region"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Todas", "BO-C", "BO-L", "BO-S");
        new Select(browser.driver().findElement(By.id("f-region"))).selectByValue("BO-L");
        new Select(browser.driver().findElement(By.id("f-estado"))).selectByValue("CONCILIADO");
        click("filtrar");
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 2);
        assertThat(cells("#lineas")).allSatisfy(c -> assertThat(c).contains("BO-L", "Conciliado"));

        assertThat(cells("#comprobantes")).extracting(c -> c.get(0) + ":" + c.get(1) + ":" + c.get(2))
                .containsExactly("120:Diferencia de importe:BO-L", "121:Reclamado dos veces:BO-L",
                        "121:Reclamado dos veces:BO-C", "135:Diferencia de fecha:BO-L", "150:Conciliado:BO-C",
                        "160:Solo en SIGEP:BO-L", "170:Revertido solo en SIGEP:BO-L", "999:Solo en regionales:BO-S");
        new Select(browser.driver().findElement(By.id("f-hallazgo"))).selectByValue("DIFERENCIA_FECHA");
        await().atMost(WAIT).until(() -> rows("#comprobantes").size() == 1);
        List<String> dated = cells("#comprobantes").get(0);
        assertThat(dated.subList(0, 7)).containsExactly("135", "Diferencia de fecha", "BO-L", money("2500"),
                money("2500"), "10/04/2020", "11/04/2020");
        assertThat(dated.get(7)).isNotEqualTo("—").isNotBlank();
        browser.screenshot("conciliacion-planificador");
    }

    @Test
    @Order(3)
    void theWorkbookDownloadsAndItsTotalsAreThePagesTotals() throws IOException {
        assertThat(browser.driver().findElement(By.id("descargar")).getDomAttribute("href"))
                .isEqualTo("api/finance/reconciliation/2020.xlsx");
        Map<String, Object> download = download("descargar");
        assertThat(download.get("status")).isEqualTo(200L);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                Base64.getDecoder().decode((String) download.get("body"))))) {
            var lines = workbook.getSheet("Líneas");
            Row total = lines.getRow(lines.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total (6 líneas)");
            assertThat(BigDecimal.valueOf(total.getCell(8).getNumericCellValue()))
                    .isEqualByComparingTo("2328361.25");
            assertThat(BigDecimal.valueOf(total.getCell(10).getNumericCellValue())).isEqualByComparingTo("988800");
        }
    }

    @Test
    @Order(4)
    void thePlannerRecomputesWithTheCsrfTokenAndThePageSaysAsOfTheNewRun() {
        long before = latestRun();
        assertThat(browser.driver().findElement(By.id("recalcular")).isDisplayed()).isTrue();

        click("recalcular");

        await().atMost(WAIT).until(() -> text("#aviso").startsWith("Conciliación recalculada"));
        long after = latestRun();
        assertThat(after).isGreaterThan(before);
        assertThat(text("#aviso")).isEqualTo("Conciliación recalculada: corrida Nº " + after
                + " al corte del 30/06/2020.");
        assertThat(text("#corte")).endsWith("corrida Nº " + after + ".");
        assertThat(text("#calculada")).contains("(motivo: a pedido de " + PLANNER + ")");
        assertThat(text("#estados tr.total")).endsWith(money("988800"));
        signOut();
    }

    @Test
    @Order(5)
    void aConsultaUserReadsButIsNotOfferedTheRecompute() {
        signIn(CONSULTA);
        openPage();
        assertThat(browser.driver().findElement(By.id("recalcular")).isDisplayed()).isFalse();
        assertThat(text("#estados tr.total")).startsWith("Total 6 ");
        signOut();
    }

    @Test
    @Order(6)
    void aRegionalUserSeesOnlyItsRegion() throws IOException {
        signIn(COCHABAMBA);
        openPage();

        assertThat(text("#alcance")).isEqualTo("Cifras de la regional BO-C únicamente.");
        assertThat(browser.driver().findElement(By.id("recalcular")).isDisplayed()).isFalse();
        assertThat(text("#estados tr.total")).isEqualTo("Total 1 " + money("45200") + " " + money("45200") + " "
                + money("0"));
        assertThat(text("#ajustes")).isEmpty();
        await().atMost(WAIT).until(() -> rows("#lineas").size() == 1);
        assertThat(cells("#lineas").get(0)).contains("BO-C", money("45200"), "Conciliado");
        assertThat(cells("#comprobantes")).extracting(c -> c.get(0) + ":" + c.get(1) + ":" + c.get(2))
                .containsExactly("121:Reclamado dos veces:BO-C", "150:Conciliado:BO-C");
        WebElement region = browser.driver().findElement(By.id("f-region"));
        assertThat(region.isEnabled()).isFalse();
        assertThat(new Select(region).getOptions()).extracting(WebElement::getText).containsExactly("BO-C");
        // the filter form still works, within the region
        new Select(browser.driver().findElement(By.id("f-estado"))).selectByValue("DIFERENCIA");
        click("filtrar");
        await().atMost(WAIT).until(() -> text("#lineas-total").startsWith("0 línea(s)"));

        Map<String, Object> download = download("descargar");
        assertThat(download.get("status")).isEqualTo(200L);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                Base64.getDecoder().decode((String) download.get("body"))))) {
            assertThat(workbook.getSheet("Líneas").getLastRowNum()).isEqualTo(2);
        }
        browser.screenshot("conciliacion-regional");
    }

    // ---- the browser

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(String user) {
        browser.open(url("/login.html"));
        await().atMost(WAIT).until(() -> !browser.driver().findElement(By.id("csrf")).getAttribute("value").isEmpty());
        browser.driver().findElement(By.id("usuario")).sendKeys(user);
        browser.driver().findElement(By.id("clave")).sendKeys(PASSWORD);
        browser.driver().findElement(By.id("entrar")).click();
        await().atMost(WAIT).until(() -> !browser.driver().getCurrentUrl().contains("login"));
    }

    private void signOut() {
        await().atMost(WAIT).until(() -> !browser.driver().findElements(By.id("salir")).isEmpty());
        click("salir");
        await().atMost(WAIT).until(() -> browser.driver().getCurrentUrl().contains("login.html?salida"));
    }

    /** Opens the page and waits for the summary, the lines and the findings. */
    private void openPage() {
        browser.open(url("/conciliacion.html"));
        await().atMost(WAIT).until(() -> text("#corte").startsWith("Conciliación al corte")
                && !rows("#lineas").isEmpty() && !rows("#comprobantes").isEmpty());
    }

    private List<String> statusRow(String status) {
        return cellsOf(browser.driver().findElement(By.cssSelector("#estados tr[data-estado='" + status + "']")));
    }

    private List<String> findingRow(String finding) {
        return cellsOf(browser.driver().findElement(By.cssSelector("#hallazgos tr[data-hallazgo='" + finding + "']")));
    }

    private static List<String> cellsOf(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(td -> td.getText().replaceAll("\\s+", " ").trim())
                .toList();
    }

    private List<WebElement> rows(String table) {
        return browser.driver().findElements(By.cssSelector(table + " tbody tr"));
    }

    private List<List<String>> cells(String table) {
        return rows(table).stream().map(ReconciliationBrowserIT::cellsOf).toList();
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

    // ---- the hub's data, as its route and ingest write it

    private long load(String name, String content) {
        ExtractOutcome outcome = extracts.handle(name, content.getBytes(StandardCharsets.UTF_8), "file:test");
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ExtractOutcome.Loaded.class);
        return ((ExtractOutcome.Loaded) outcome).extract().id();
    }

    private void expenditure(String region, String operation, String partida, String amount, String spentOn,
            String document) {
        long n = offset.incrementAndGet();
        sql.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, object_code, funding_source, amount, spent_on, document_number, reported_at,
                    raw_payload, schema_id, topic, kafka_partition, kafka_offset)
                values (?, 'EXPENDITURE', 'ACCEPTED', ?, ?, ?, 2020, ?, ?, 'Columna 1', ?, ?, ?, now(),
                    '\\x00'::bytea, 1, ?, 0, ?)""")
                .params(UUID.randomUUID(), region, "agent-" + region.toLowerCase(Locale.ROOT), n, operation, partida,
                        new BigDecimal(amount), Date.valueOf(LocalDate.parse(spentOn)), document,
                        "poa." + region.toLowerCase(Locale.ROOT) + ".expenditure", n)
                .update();
    }

    private long latestRun() {
        return sql.sql("select max(id) from finance_reconciliation_run where fiscal_year = 2020").query(Long.class)
                .single();
    }
}
