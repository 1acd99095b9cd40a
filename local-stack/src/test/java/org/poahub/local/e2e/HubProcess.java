package org.poahub.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.poahub.hub.HubApplication;
import org.poahub.testkit.ChildJvm;
import org.poahub.testkit.ChildMain;

/**
 * The real hub in a child JVM (testkit's {@link ChildMain} running {@link HubApplication}, this JVM's classpath), so a test can kill it with -9 and
 * start it again on the same database, broker and HTTP port. Output is appended to {@code hub.log} in its directory.
 */
final class HubProcess {

    /** Small, like the agents' and the broker's: the soak runs a dozen JVMs on two cores. */
    private static final List<String> JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final List<String> arguments;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    HubProcess(Map<String, Object> settings, Path dir) {
        List<String> main = new java.util.ArrayList<>(List.of(HubApplication.class.getName()));
        main.addAll(HubUnderTest.arguments(settings));
        this.arguments = main;
        this.log = dir.resolve("hub.log");
        this.httpPort = Integer.parseInt(String.valueOf(settings.get("server.port")));
    }

    /** Starts the hub; {@link #isReady()} tells when it answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the hub is still running (pid " + process.pid() + ")");
        }
        try {
            process = ChildJvm.processFor(ChildMain.class.getName(), JVM, arguments)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the hub", e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The hub answers its health endpoint with UP (database included). */
    boolean isReady() {
        if (!isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Like a power cut: SIGKILL, no shutdown hook. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A clean stop: closing stdin makes the child exit, which runs Spring's shutdown. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    String registryUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return log;
    }
}
