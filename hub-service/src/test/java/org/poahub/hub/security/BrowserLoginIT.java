package org.poahub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Browser login against a real hub: form login with a session cookie, CSRF on every state-changing request, logout,
 * throttling (form and Basic), security headers, and sessions ended by deactivating the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserLoginIT {

    static final String ADMIN = "jefe-ti";
    static final String PASSWORD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> ADMIN);
        registry.add("poa.security.users[1].password", () -> "{noop}" + PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "ADMIN");
        registry.add("poa.security.login-throttle.lock", () -> "3s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPageAsksTheBrowserToSignInAndTheApiAnswers401WithoutABasicDialog() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> page = browser.getPage("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
        HttpResponse<String> api = browser.get("/api/plans");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(browser.getPage("/login.html").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormLoginGivesAnHttpOnlySameSiteSessionCookieThatOpensTheDashboard() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> login = browser.login(RealServers.USER, RealServers.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.getPage("/").statusCode()).isEqualTo(200);
        var session = json.readTree(browser.get("/api/session").body());
        assertThat(session.path("user").asString()).isEqualTo(RealServers.USER);
        assertThat(session.path("role").asString()).isEqualTo("PLANIFICADOR");
    }

    @Test
    void aLoginPostWithoutTheCsrfTokenIsRefused() {
        BrowserSession browser = new BrowserSession(port);

        HttpResponse<String> login = browser.postForm("/login",
                Map.of("username", RealServers.USER, "password", RealServers.PASSWORD));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("JSESSIONID")).isEmpty();
    }

    @Test
    void aCrossSitePostWithTheSessionCookieButNoTokenIsRefusedAndTheScriptsPostIsNot() {
        BrowserSession browser = new BrowserSession(port);
        browser.login(ADMIN, PASSWORD);
        String newUser = "{\"name\":\"csrf-victima\",\"password\":\"una-clave-larga-1\",\"role\":\"CONSULTA\"}";

        HttpResponse<String> forged = browser.crossSitePost("/api/admin/users", newUser);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).path("detail").asString()).contains("token CSRF");
        assertThat(count("select count(*) from account where name = 'csrf-victima'")).isZero();

        HttpResponse<String> script = browser.fetch("POST", "/api/admin/users", newUser);
        assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
        assertThat(count("select count(*) from account where name = 'csrf-victima'")).isOne();
    }

    @Test
    void logoutEndsTheSession() {
        BrowserSession browser = new BrowserSession(port);
        browser.login(RealServers.USER, RealServers.PASSWORD);
        assertThat(browser.get("/api/plans").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.fetch("POST", "/logout", null);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?salida"));
        assertThat(browser.get("/api/plans").statusCode()).isEqualTo(401);
    }

    @Test
    void everyResponseCarriesAContentSecurityPolicyWithoutInlineScriptAndDeniesFraming() {
        HttpResponse<String> page = new BrowserSession(port).getPage("/login.html");

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> api = HubHttp.get(port, "/api/plans", RealServers.USER + ":" + RealServers.PASSWORD);
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theDashboardPagesHaveNoInlineScript() {
        BrowserSession browser = new BrowserSession(port);
        browser.login(ADMIN, PASSWORD);
        for (String page : new String[] {"/", "/login.html", "/usuarios.html", "/revision.html", "/auditoria.html"}) {
            HttpResponse<String> response = browser.getPage(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            String html = response.body();
            assertThat(html).as(page).contains("<script src=");
            assertThat(html.replaceAll("<script src=\"[A-Za-z0-9./_-]+\\.js\"></script>", "")).as(page)
                    .doesNotContain("<script").doesNotContain("javascript:")
                    .doesNotContainPattern("\\son[a-z]+\\s*=");
        }
    }

    @Test
    void fiveFailedLoginsLockTheUserForFormAndBasicWithASpanishMessageUntilTheLockEnds() {
        String user = "intentos";
        String password = "clave-correcta-123";
        createUser(user, password, "CONSULTA");
        BrowserSession browser = new BrowserSession(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = browser.login(user, "equivocada-" + i);
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/login.html?error=credenciales"));
        }

        HttpResponse<String> locked = browser.login(user, password);
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("/login.html?error=bloqueado&segundos="));
        HttpResponse<String> basic = HubHttp.get(port, "/api/plans", user + ":" + password);
        assertThat(basic.statusCode()).isEqualTo(429);
        assertThat(basic.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(basic.body()).path("detail").asString())
                .startsWith("Demasiados intentos fallidos de inicio de sesión para este usuario.");
        assertThat(count("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = 'intentos'"))
                .isEqualTo(5);
        assertThat(count("select count(*) from audit_event where action = 'LOGIN_LOCKED' and actor = 'intentos'"))
                .isOne();

        await().atMost(Duration.ofSeconds(30)).until(() -> HubHttp.get(port, "/api/plans", user + ":" + password)
                .statusCode() == 200);
        assertThat(new BrowserSession(port).login(user, password).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    @Test
    void deactivatingAUserEndsItsOpenSessionsAndRefusesItsNextLogin() {
        createUser("saliente", "clave-saliente-123", "ANALISTA");
        BrowserSession first = new BrowserSession(port);
        BrowserSession second = new BrowserSession(port);
        first.login("saliente", "clave-saliente-123");
        second.login("saliente", "clave-saliente-123");
        assertThat(first.get("/api/plans").statusCode()).isEqualTo(200);
        assertThat(second.get("/api/plans").statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = HubHttp.send(HubHttp.request(port, "/api/admin/users/saliente/deactivation",
                ADMIN + ":" + PASSWORD).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        assertThat(first.get("/api/plans").statusCode()).isEqualTo(401);
        assertThat(second.get("/api/plans").statusCode()).isEqualTo(401);
        assertThat(new BrowserSession(port).login("saliente", "clave-saliente-123").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?error=inactiva"));
        assertThat(HubHttp.get(port, "/api/plans", "saliente:clave-saliente-123").statusCode()).isEqualTo(401);
    }

    private void createUser(String name, String password, String role) {
        HttpResponse<String> created = HubHttp.send(HubHttp.request(port, "/api/admin/users", ADMIN + ":" + PASSWORD)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\""
                        + password + "\",\"role\":\"" + role + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
