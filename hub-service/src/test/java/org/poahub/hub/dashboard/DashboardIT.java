package org.poahub.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The staff dashboard (static page at /) is behind the same login as the API and only calls API paths that exist. */
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
        HttpResponse<String> script = get("/tablero.js", CREDENTIALS);
        assertThat(script.statusCode()).isEqualTo(200);
        Set<String> called = apiPaths(script.body());
        assertThat(called).contains("/api/plans", "/api/consolidation/{year}/summary", "/api/agents",
                "/api/rejected-reports", "/api/consolidation/{year}/objectives/{code}");

        JsonNode openApi = new ObjectMapper().readTree(get("/v3/api-docs", CREDENTIALS).body());
        Set<String> documented = new TreeSet<>(openApi.path("paths").propertyNames());
        assertThat(documented).containsAll(called);
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
