package org.poahub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.poahub.hub.HubApplication;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.security.accounts.UserAccounts;
import org.poahub.hub.security.accounts.UserCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit trail against a real PostgreSQL: staff actions land with who, what, before and after; the hub's role
 * cannot change or delete a row; the hash chain stays one chain under concurrent writers; tampering with a row (with
 * the guard disabled, as a superuser could) is named by the verification endpoint and the command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {

    static final String ADMIN = "auditor-ti";
    static final String ANALYST = "analista-aud";
    static final String PASSWORD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> ADMIN);
        registry.add("poa.security.users[1].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "ADMIN");
        registry.add("poa.security.users[2].name", () -> ANALYST);
        registry.add("poa.security.users[2].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[2].roles[0]", () -> "ANALISTA");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AuditTrail trail;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditVerifyCommand verifyCommand;
    @Autowired
    UserCommand userCommand;
    @Autowired
    Environment env;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void aUserChangeIsRecordedWithWhoWhatBeforeAndAfter() {
        HttpResponse<String> created = post("/api/admin/users",
                "{\"name\":\"regional-bo-c\",\"password\":\"clave-regional-1\",\"role\":\"REGIONAL\",\"region\":\"BO-C\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> changed = send("PUT", "/api/admin/users/regional-bo-c/role",
                "{\"role\":\"REGIONAL\",\"region\":\"BO-T\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        JsonNode page = getJson("/api/audit?target=regional-bo-c", ANALYST);
        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("actor").asString()).isEqualTo(ADMIN);
        assertThat(newest.path("action").asString()).isEqualTo("USER_ROLE_CHANGED");
        assertThat(newest.path("before").path("region").asString()).isEqualTo("BO-C");
        assertThat(newest.path("after").path("region").asString()).isEqualTo("BO-T");
        assertThat(newest.path("hash").asString()).hasSize(64);
        assertThat(page.path("items").get(1).path("action").asString()).isEqualTo("USER_CREATED");
        assertThat(getJson("/api/audit?action=USER_CREATED&actor=" + ADMIN, ADMIN).path("totalItems").asLong()).isOne();
        assertThat(getJson("/api/audit?actor=nadie", ADMIN).path("totalItems").asLong()).isZero();
        assertThat(HubHttp.get(port, "/api/audit?from=2020-13-01", ADMIN + ":" + PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void aRefusedChangeLeavesNoAuditRowAndAPasswordIsNeverRecorded() {
        long before = count("select count(*) from audit_event");
        HttpResponse<String> refused = post("/api/admin/users",
                "{\"name\":\"corta\",\"password\":\"corta\",\"role\":\"CONSULTA\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("detail").asString())
                .isEqualTo("La contraseña debe tener al menos 12 caracteres.");
        assertThat(count("select count(*) from audit_event")).isEqualTo(before);

        assertThat(send("PUT", "/api/admin/users/regional-bo-c/password", "{\"password\":\"otra-clave-larga-9\"}")
                .statusCode()).isEqualTo(204);
        assertThat(count("select count(*) from audit_event where before::text || after::text like '%otra-clave%'"))
                .isZero();
        assertThat(count("select count(*) from account where password_hash like '{bcrypt}%' and name = 'regional-bo-c'"))
                .isOne();
    }

    @Test
    @Order(3)
    void theHubsDatabaseRoleCannotUpdateOrDeleteAuditRows() {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'otro'").update())
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("audit_event is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("audit_event is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    @Order(4)
    void concurrentWritersFormOneChain() throws Exception {
        long before = count("select count(*) from audit_event");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        int n = i;
                        transactions.executeWithoutResult(tx -> events.publishEvent(new StaffAction("hilo-" + thread,
                                "SETTING_CHANGED", "prueba", Map.of("n", n), Map.of("n", n + 1))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(count("select count(*) from audit_event")).isEqualTo(before + 200);
        assertThat(count("select count(*) - count(distinct prev_hash) from audit_event")).as("forks").isZero();
        AuditTrail.Verification verification = trail.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(before + 200);
    }

    @Test
    @Order(5)
    void theExcelDownloadHasTheFilteredRows() throws Exception {
        HttpResponse<byte[]> download = HubHttp.send(HubHttp.request(port,
                "/api/audit/export.xlsx?action=SETTING_CHANGED&actor=hilo-3", ANALYST + ":" + PASSWORD).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("auditoria.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheet("Auditoría");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Usuario");
            assertThat(sheet.getLastRowNum()).isEqualTo(25);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("hilo-3");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("SETTING_CHANGED");
        }
        assertThat(count("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = '" + ANALYST + "'"))
                .isOne();
    }

    @Test
    @Order(6)
    void usersAreManagedFromTheCommandLine() {
        String out = runUsers("clave-de-consola-1\n", "users", "create", "consola", "CONSULTA");
        assertThat(userCommand.getExitCode()).as(out).isZero();
        assertThat(out).contains("Usuario consola creado con el rol CONSULTA.");
        assertThat(HubHttp.get(port, "/api/plans", "consola:clave-de-consola-1").statusCode()).isEqualTo(200);

        String refused = runUsers("", "users", "role", "consola", "JEFE");
        assertThat(userCommand.getExitCode()).isEqualTo(1);
        assertThat(refused).contains("Rol desconocido 'JEFE'");

        runUsers("", "users", "deactivate", "consola");
        assertThat(userCommand.getExitCode()).isZero();
        assertThat(HubHttp.get(port, "/api/plans", "consola:clave-de-consola-1").statusCode()).isEqualTo(401);
        assertThat(runUsers("", "users", "list")).contains("consola\tCONSULTA\t-\tinactivo");
        assertThat(count("select count(*) from audit_event where target = 'consola' and actor like 'cli:%'"))
                .isEqualTo(2);
    }

    @Test
    @Order(7)
    void theCommandsRunAsTheHubsCommandLineWithoutAWebServer() {
        String[] args = {"verify-audit", "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
            "--spring.datasource.password=" + env.getProperty("spring.datasource.password"),
            "--poa.kafka.bootstrap-servers=" + env.getProperty("poa.kafka.bootstrap-servers"),
            "--poa.ingest.enabled=false", "--poa.registry.report-schemas.register=false",
            "--logging.level.root=WARN"};
        SpringApplication command = new SpringApplication(HubApplication.class);
        command.setWebApplicationType(WebApplicationType.NONE);
        int[] exit = {-1};
        String printed = capture(() -> exit[0] = SpringApplication.exit(command.run(args)));

        assertThat(exit[0]).isZero();
        assertThat(printed).contains("Cadena de auditoría íntegra:");
    }

    @Test
    @Order(8)
    void tamperingWithARowIsNamedByTheEndpointAndTheCommand() {
        assertThat(getJson("/api/audit/verification", ADMIN).path("intact").asBoolean()).isTrue();
        long victim = jdbc.sql("select id from audit_event where action = 'USER_ROLE_CHANGED' and target = 'regional-bo-c'")
                .query(Long.class).single();

        // A superuser bypasses the append-only trigger (replica mode) and rewrites who got which region.
        tamper("update audit_event set after = '{\"active\":true,\"region\":\"BO-L\",\"role\":\"REGIONAL\"}' where id = "
                + victim);

        JsonNode verification = getJson("/api/audit/verification", ANALYST);
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("firstBrokenId").asLong()).isEqualTo(victim);
        assertThat(verification.path("reason").asString()).isEqualTo("Fila " + victim
                + ": su contenido no corresponde a su hash (fue modificada).");
        String printed = capture(() -> verifyCommand.run(new DefaultApplicationArguments("verify-audit")));
        assertThat(verifyCommand.getExitCode()).isEqualTo(1);
        assertThat(printed).contains("Cadena de auditoría ROTA. Fila " + victim + ":");

        // Deleting a row (instead) is named at the row after the gap.
        long next = jdbc.sql("select min(id) from audit_event where id > ?").param(victim).query(Long.class).single();
        tamper("delete from audit_event where id = " + victim);
        JsonNode afterDelete = getJson("/api/audit/verification", ADMIN);
        assertThat(afterDelete.path("firstBrokenId").asLong()).isEqualTo(next);
        assertThat(afterDelete.path("reason").asString()).contains("hash anterior");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void tamper(String sql) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private String runUsers(String stdin, String... args) {
        var in = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return capture(() -> userCommand.run(new DefaultApplicationArguments(args)));
        } finally {
            System.setIn(in);
        }
    }

    private static String capture(Runnable command) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(out);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return HubHttp.send(HubHttp.request(port, path, ADMIN + ":" + PASSWORD).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String user) {
        HttpResponse<String> response = HubHttp.get(port, path, user + ":" + PASSWORD);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
