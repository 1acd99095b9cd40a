package org.poahub.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The shaded agent jar run as a child JVM with the launcher's default settings (-Xmx64m, SerialGC), as a regional
 * office would run it: commands, or the service ({@code ejecutar}) that a test can SIGKILL.
 */
public final class AgentProcess {

    /** The shaded jar; other modules' tests (local-stack's e2e) point at it with {@code -Dpoa.agent.jar}. */
    public static final Path JAR = Path.of(System.getProperty("poa.agent.jar", "target/regional-agent.jar"))
            .toAbsolutePath();
    /** The launcher's defaults (same as {@code poa-agente} and {@code deploy/systemd/poa-agent.service}). */
    public static final List<String> JVM_DEFAULTS = List.of("-Xms8m", "-Xmx64m", "-Xmn8m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m");

    /** The outcome of a finished command. */
    public record Output(int exitCode, String stdout, String stderr) {
    }

    private final Path dir;
    private final Path config;

    /** Writes a configuration for the region into {@code dir} (data in {@code dir/datos}). */
    public AgentProcess(Path dir, String region, String bootstrap, String registryUrl, Properties extra)
            throws IOException {
        this.dir = Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("region", region);
        p.setProperty("agent.id", "agente-" + region.toLowerCase());
        p.setProperty("kafka.bootstrap.servers", bootstrap);
        p.setProperty("registry.url", registryUrl);
        p.setProperty("data.dir", dir.resolve("datos").toString());
        p.setProperty("sync.backoff.initial-ms", "200");
        p.setProperty("sync.backoff.max-ms", "2000");
        p.putAll(extra);
        this.config = dir.resolve("poa-agent.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "test agent");
        }
    }

    public Path database() {
        return dir.resolve("datos/agente.db");
    }

    public Path dropFolder() {
        return dir.resolve("datos/entrada");
    }

    public Process start(String... args) throws IOException {
        List<String> command = command();
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("agente.out").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("agente.err").toFile()))
                .start();
    }

    /** Runs a command to its end (at most five minutes). */
    public Output run(String... args) throws IOException, InterruptedException {
        List<String> command = command();
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("agent command " + List.of(args) + " did not finish");
        }
        return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_DEFAULTS);
        // diagnostics only (e.g. -XX:NativeMemoryTracking=summary for the benchmark), never set by the tests
        String extra = System.getProperty("agent.jvm.extra", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString(), "--config", config.toString()));
        return command;
    }

    public Path outputFile() {
        return dir.resolve("agente.out");
    }

    /** Like a power cut: SIGKILL. */
    public static void kill(Process process) throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill(process);
        }
    }
}
