package org.poahub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged run command the way the README does and stops it the way Ctrl-C does. */
class LocalStackIT {

    @TempDir
    Path home;

    @Test
    void comesUpHealthyAndLeavesNoProcessBehindWhenStopped() throws Exception {
        int http = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-jar", Path.of("target", "poa-local.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("stack.log").toFile());
        builder.environment().put("POA_HOME", home.toString());
        builder.environment().put("POA_HTTP_PORT", String.valueOf(http));
        builder.environment().put("POA_LOCAL_KAFKA_PORT", String.valueOf(freePort()));
        builder.environment().put("POA_LOCAL_POSTGRES_PORT", String.valueOf(freePort()));
        Process stack = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/actuator/health")).build();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
                String body = client.send(health, HttpResponse.BodyHandlers.ofString()).body();
                assertThat(body).contains("\"status\":\"UP\"")
                        .contains("\"kafka\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
            });
            assertThat(home.resolve("local-credentials.properties")).exists();
            assertThat(home.resolve("postgres/data/PG_VERSION")).exists();
            assertThat(home.resolve("kafka/kraft-logs/meta.properties")).exists();
            List<ProcessHandle> children = stack.descendants().toList();
            assertThat(children).as("the Kafka broker runs as a child JVM").isNotEmpty();
            long postgresPid = Long.parseLong(Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(0).trim());

            stack.destroy(); // SIGTERM runs the same shutdown hook as Ctrl-C
            assertThat(stack.waitFor(90, TimeUnit.SECONDS)).as("stack stopped").isTrue();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(children).noneMatch(ProcessHandle::isAlive);
                assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            });
            assertThat(home.resolve("postgres/data/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
            assertThat(Files.readString(home.resolve("stack.log"))).contains("Local stack stopped");
        } finally {
            stack.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
