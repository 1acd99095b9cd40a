package org.poahub.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The staff dashboard (static pages at /) is behind the same login as the API, and every script of it only calls API
 * paths that exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIT {

    private static final String CREDENTIALS = RealServers.USER + ":" + RealServers.PASSWORD;
    /** `api/...` URL templates in the script: up to the closing backtick or quote, without the query string. */
    private static final Pattern API_CALL = Pattern.compile(
            "[`'](api/[^`'?$]*(?:\\$\\{(?:encodeURIComponent\\(\\w+\\)|\\w+)}[^`'?$]*)*)");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theDashboardAsksForTheLoginOfTheApi() throws Exception {
        HttpResponse<String> anonymous = get("/", null);

        // Not signed in: 401 without a Basic challenge (a browser asking for HTML is sent to /login.html instead).
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(get("/tablero.js", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInUserGetsTheSpanishDashboard() throws Exception {
        HttpResponse<String> page = get("/", CREDENTIALS);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"es\">", "POA consolidado", "tablero.js", "tablero.css");
        assertThat(get("/tablero.css", CREDENTIALS).statusCode()).isEqualTo(200);
    }

    @Test
    void everyApiPathTheDashboardCallsIsInTheOpenApiDescription() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(get("/v3/api-docs", CREDENTIALS).body());
        Set<String> documented = new TreeSet<>(openApi.path("paths").propertyNames());
        Map<String, Set<String>> calledByScript = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:static/*.js")) {
            // read from the jar: some pages' scripts are served only to the roles of that page
            calledByScript.put(resource.getFilename(),
                    apiPaths(resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        assertThat(calledByScript).containsKeys("tablero.js", "graficos.js", "revision.js", "auditoria.js",
                "usuarios.js", "informe.js");
        assertThat(calledByScript.get("tablero.js")).contains("/api/plans", "/api/consolidation/{year}/summary",
                "/api/agents", "/api/rejected-reports", "/api/consolidation/{year}/objectives/{code}");

        calledByScript.forEach((script, called) -> assertThat(called)
                .as("API paths %s calls that the OpenAPI description lacks", script)
                .allSatisfy(path -> assertThat(documented).anyMatch(d -> sameTemplate(path, d))));
    }

    /**
     * Whether a path the script builds can be the documented one: segment by segment, a placeholder in the script
     * ({@code {accion}}) stands for any segment, a documented placeholder only for a script's placeholder, whatever
     * either is named.
     */
    static boolean sameTemplate(String called, String documented) {
        String[] a = called.split("/");
        String[] b = documented.split("/");
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean placeholder = a[i].startsWith("{");
            if (!placeholder && (b[i].startsWith("{") || !a[i].equals(b[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Turns {@code api/consolidation/${year}/objectives/${encodeURIComponent(code)}} into an OpenAPI path. */
    static Set<String> apiPaths(String script) {
        Set<String> paths = new TreeSet<>();
        Matcher matcher = API_CALL.matcher(script);
        while (matcher.find()) {
            String template = matcher.group(1)
                    .replaceAll("\\$\\{encodeURIComponent\\((\\w+)\\)}", "{$1}")
                    .replaceAll("\\$\\{(\\w+)}", "{$1}");
            paths.add("/" + template);
        }
        return paths;
    }

    @Test
    void aPlaceholderInTheScriptStandsForAnySegmentButALiteralMustMatch() {
        assertThat(sameTemplate("/api/review/{year}/{period}/{region}/{accion}",
                "/api/review/{fiscalYear}/{period}/{region}/approve")).isTrue();
        assertThat(sameTemplate("/api/consolidation/{year}/summary", "/api/consolidation/{year}/summary")).isTrue();
        assertThat(sameTemplate("/api/consolidation/{year}/summary", "/api/consolidation/{year}/monthly")).isFalse();
        assertThat(sameTemplate("/api/consolidation/summary", "/api/consolidation/{year}")).isFalse();
        assertThat(sameTemplate("/api/review/{year}", "/api/review/{year}/{period}")).isFalse();
    }

    @Test
    void pathTemplatesAreReadLikeOpenApiPaths() {
        String script = String.join("\n", List.of(
                "getJson(`api/consolidation/${year}/objectives/${encodeURIComponent(code)}${query()}`)",
                "getJson(`api/consolidation/${year}/summary${query()}`)",
                "getJson('api/rejected-reports?size=20')"));

        assertThat(apiPaths(script)).containsExactlyInAnyOrder("/api/consolidation/{year}/objectives/{code}",
                "/api/consolidation/{year}/summary",
                "/api/rejected-reports");
    }

    private HttpResponse<String> get(String path, String credentials) {
        return HubHttp.get(port, path, credentials);
    }
}
