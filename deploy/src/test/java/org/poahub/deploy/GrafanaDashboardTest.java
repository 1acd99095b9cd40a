package org.poahub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard queries only metrics the hub exports: every {@code poa_…} series it uses is one of the
 * metrics {@code hub-service/README.md} documents (which {@code ReadApiAndMetricsIT} reads from a running hub),
 * possibly with a Prometheus histogram/summary suffix.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Manifests.DEPLOY.resolve("grafana").resolve("poa-hub.json");
    private static final Path HUB_README = Manifests.DEPLOY.resolve("..").resolve("hub-service").resolve("README.md");
    private static final Pattern HUB_METRIC = Pattern.compile("\\bpoa_[a-z_]+");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(poa_[a-z_]+)` \\|", Pattern.MULTILINE);
    private static final List<String> SUFFIXES = List.of("", "_bucket", "_count", "_sum", "_max");

    @Test
    void everyHubMetricTheDashboardQueriesIsOneTheHubExports() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher doc = DOCUMENTED.matcher(Files.readString(HUB_README));
        while (doc.find()) {
            documented.add(doc.group(1));
        }
        Set<String> queried = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher metric = HUB_METRIC.matcher(expr);
            while (metric.find()) {
                queried.add(metric.group());
            }
        }

        assertThat(documented).hasSizeGreaterThanOrEqualTo(8);
        assertThat(queried).isNotEmpty().allSatisfy(name -> assertThat(SUFFIXES.stream()
                .anyMatch(suffix -> name.endsWith(suffix)
                        && documented.contains(name.substring(0, name.length() - suffix.length()))))
                .as("%s is a documented hub metric (%s)", name, documented).isTrue());
        assertThat(documented).as("every hub metric is on the dashboard").allSatisfy(name ->
                assertThat(queried).anyMatch(q -> q.startsWith(name)));
    }

    @Test
    void panelsHaveUniqueIdsAndQueryThroughTheDashboardsDataSource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> ids.add(panel.path("id").asInt()));

        assertThat(ids).doesNotHaveDuplicates();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}")));
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name"))
                .contains("datasource", "instance");
    }

    private static List<String> expressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>(dashboard.findValuesAsText("expr"));
        assertThat(expressions).isNotEmpty();
        return expressions;
    }
}
