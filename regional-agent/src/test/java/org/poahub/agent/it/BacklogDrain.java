package org.poahub.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poahub.testkit.AgentAccount;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Harness: fills the outbox with a backlog (simulated reports), then drains it with {@code sincronizar} in a child
 * JVM started with the launcher's defaults, sampling the process's resident memory every 100 ms and reading the
 * heap in use from the progress lines. Used by {@link BacklogIT} and by the benchmark.
 */
public final class BacklogDrain {

    private static final Pattern HEAP = Pattern.compile("memoria (\\d+) MB");

    /** What one drain measured. */
    public record Result(long reports, int exitCode, long maxRssKb, List<Long> heapSamplesMb, double seconds) {
        public long maxHeapMb() {
            return heapSamplesMb.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private BacklogDrain() {
    }

    /** @param account the agent's Kafka account (its TLS listener, user, CA) from {@code TestKafka.agent} */
    public static Result run(Path dir, AgentAccount account, String registryUrl, int reports)
            throws IOException, InterruptedException {
        AgentProcess agent = new AgentProcess(dir, account.region(), account.bootstrapServers(), registryUrl,
                account.agentConfig());
        AgentProcess.Output simulated = agent.run("simular", "--cantidad", Integer.toString(reports), "--invalidos",
                "0");
        if (simulated.exitCode() != 0) {
            throw new IllegalStateException("simulation failed: " + simulated.stderr());
        }
        long started = System.nanoTime();
        Process sync = agent.start("sincronizar");
        long maxRss = 0;
        Path status = Path.of("/proc", Long.toString(sync.pid()), "status");
        while (!sync.waitFor(100, TimeUnit.MILLISECONDS)) {
            maxRss = Math.max(maxRss, rssKb(status));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> heap = new ArrayList<>();
        for (String line : Files.readAllLines(agent.outputFile(), StandardCharsets.UTF_8)) {
            Matcher m = HEAP.matcher(line);
            if (m.find()) {
                heap.add(Long.parseLong(m.group(1)));
            }
        }
        return new Result(reports, sync.exitValue(), maxRss, heap, seconds);
    }

    private static long rssKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return 0;
    }
}
