package org.poahub.agent.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.poahub.agent.dropfolder.ReportImporter;
import org.poahub.agent.dropfolder.SheetReader;
import org.poahub.agent.dropfolder.TemplateWriter;
import org.poahub.agent.it.AgentITSupport;
import org.poahub.agent.it.AgentProcess;
import org.poahub.agent.it.BacklogDrain;
import org.poahub.agent.it.TestRegistryServer;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ReportFactory;
import org.poahub.agent.store.AgentStore;
import org.poahub.rules.RuleSettings;
import org.poahub.testkit.TestKafka;

/**
 * The regional agent's benchmark harness (results in {@code docs/benchmarks.md}): start-up of the packaged jar,
 * durable import of a 10,000-row spreadsheet (CSV and XLSX), and resident memory / heap while draining a 100,000
 * report backlog to a real broker. Run after {@code package}; see docs/benchmarks.md for the command.
 */
public final class AgentBenchmark {

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("agent-bench");
        List<String> only = List.of(args);
        if (only.isEmpty() || only.contains("startup")) {
            startup(work.resolve("startup"));
        }
        if (only.isEmpty() || only.contains("import") || only.contains("import-csv")) {
            importRate(work.resolve("import"), ".csv");
        }
        if (only.isEmpty() || only.contains("import") || only.contains("import-xlsx")) {
            importRate(work.resolve("import-xlsx"), ".xlsx");
        }
        if (only.contains("parse-csv") || only.contains("parse-xlsx")) {
            parseRate(work.resolve("parse"), only.contains("parse-csv") ? ".csv" : ".xlsx");
        }
        if (only.isEmpty() || only.contains("backlog")) {
            backlog(work.resolve("backlog"));
        }
        System.exit(0);
    }

    static void startup(Path dir) throws Exception {
        AgentProcess agent = new AgentProcess(dir, "BO-P", "127.0.0.1:1", "http://127.0.0.1:1", new Properties());
        agent.run("estado");
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            AgentProcess.Output out = agent.run("estado");
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            if (out.exitCode() != 0) {
                throw new IllegalStateException(out.stderr());
            }
        }
        Arrays.sort(ms);
        System.out.printf("startup (java -jar regional-agent.jar estado, wall clock): median %d ms, max %d ms%n",
                ms[ms.length / 2], ms[ms.length - 1]);
    }

    /** Only the reading of the 10,000-row file in a cold JVM: how much of an import's time is the file format. */
    static void parseRate(Path dir, String extension) throws Exception {
        Path file = importFile(dir, extension);
        long t = System.nanoTime();
        int rows = SheetReader.read(file).size();
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("read only, %,d rows (%s, cold JVM): %.2f s, %.0f rows/s%n", rows, extension, seconds,
                rows / seconds);
    }

    /** The benchmark file: 10,000 rows, half progress, half expenditure on SENAVEX 2020 operation 11.04.02. */
    static Path importFile(Path dir, String extension) throws Exception {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", ReportImporter.COLUMNS));
        for (int i = 1; i <= 10_000; i++) {
            lines.add(i % 2 == 0 ? "avance;2020;11.04.02;2020-03-01;2020-03-31;" + i + ";20;;;Ana;;;;;;"
                    : "gasto;2020;11.04.02;;;;;;;;25220;Columna 1;" + (i % 500 + 1) + ".25;2020-03-10;C-" + i + ";");
        }
        Path file = dir.resolve("informes" + extension);
        if (extension.equals(".csv")) {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } else {
            TemplateWriter.writeXlsx(file, lines.stream().map(l -> SheetReader.split(l, ';')).toList());
        }
        return file;
    }

    static void importRate(Path dir, String extension) throws Exception {
        Path file = importFile(dir, extension);
        try (AgentStore store = AgentStore.open(dir.resolve("agente.db"))) {
            BundledPlan.seedIfEmpty(store);
            ReportImporter importer = new ReportImporter(store, new ReportFactory("bench", "BO-P"),
                    store.validator(RuleSettings.DEFAULTS));
            long t = System.nanoTime();
            ReportImporter.Result result = importer.importFile(file);
            double seconds = (System.nanoTime() - t) / 1e9;
            if (!result.ok() || result.imported() != 10_000) {
                throw new IllegalStateException("import failed: " + result.errors());
            }
            System.out.printf("import of 10,000 rows (%s, validated, one synchronous=FULL transaction): %.2f s, "
                    + "%.0f reports/s%n", extension, seconds, 10_000 / seconds);
        }
    }

    static void backlog(Path dir) throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        AgentITSupport.createTopics(bootstrap, "BO-N");
        try (TestRegistryServer registry = new TestRegistryServer()) {
            AgentITSupport.registerSchemas(registry, "BO-N");
            BacklogDrain.Result r = BacklogDrain.run(dir, TestKafka.agent("BO-N", "agente-bo-n"), registry.url(),
                    100_000);
            System.out.printf("drain of a 100,000 backlog (sincronizar, %s): exit %d, %.1f s (%.0f reports/s), "
                    + "max RSS %d MB, heap in use per progress line: min %d MB, max %d MB over %d samples%n",
                    String.join(" ", AgentProcess.JVM_DEFAULTS), r.exitCode(), r.seconds(), r.reports() / r.seconds(),
                    r.maxRssKb() / 1024, r.heapSamplesMb().stream().mapToLong(Long::longValue).min().orElse(0),
                    r.maxHeapMb(), r.heapSamplesMb().size());
        }
    }
}
