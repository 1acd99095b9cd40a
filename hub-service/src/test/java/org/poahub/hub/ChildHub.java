package org.poahub.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.poahub.testkit.ChildJvm;
import org.poahub.testkit.ChildMain;

/**
 * The real hub in a child JVM (testkit's {@link ChildMain} running {@link HubApplication}, this JVM's classpath), so that a test can kill it with -9, like a
 * power cut (no shutdown hook, no {@code finally}, no graceful stop), and then start another hub on the same database,
 * broker and outbox. Its output is appended to {@code log}. (local-stack's chaos soak has its own {@code HubProcess};
 * hub-service's tests cannot use local-stack's.)
 */
public final class ChildHub implements AutoCloseable {

    private static final List<String> JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Process process;
    private final int port;
    private final Path log;

    private ChildHub(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a hub with {@code settings} ({@code server.port} among them); {@link #isUp()} tells when it answers. */
    public static ChildHub start(Map<String, String> settings, Path log) {
        List<String> arguments = new java.util.ArrayList<>(List.of(HubApplication.class.getName()));
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = ChildJvm.processFor(ChildMain.class.getName(), JVM, arguments)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildHub(process, Integer.parseInt(settings.get("server.port")), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a hub in a child JVM", e);
        }
    }

    /**
     * The hub answers its health endpoint with UP; fails at once if the hub exited (it could not start).
     */
    public boolean isUp() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The child hub exited with status " + process.exitValue() + "; see "
                    + log.toAbsolutePath());
        }
        try {
            HttpResponse<String> health = HubHttp.get(port, "/actuator/health", null);
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL (kill -9), then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The child hub (pid " + process.pid() + ") did not die in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the hub if it is still running (a test that failed half-way). */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
