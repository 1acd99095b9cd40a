package org.poahub.hub.finance.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.hub.RealServers;
import org.poahub.tables.TableOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code finance-extract-in} on a real folder and the real PostgreSQL: files are loaded whole or not at all, end in
 * {@code procesados/} or {@code con-errores/} with their note, the same content loads once, the three encodings of
 * one extract load identically, and a file still being written is not read.
 */
@SpringBootTest
class FinanceExtractInboxIT {

    static final Path INBOX = tempDir();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.finance.inbox.enabled", () -> "true");
        registry.add("poa.finance.inbox.directory", INBOX::toString);
        registry.add("poa.finance.inbox.read-lock-millis", () -> "1000");
        registry.add("poa.finance.inbox.poll-millis", () -> "200");
    }

    @Autowired
    JdbcClient sql;

    @AfterAll
    static void stopWriters() {
        WRITER.shutdownNow();
    }

    private static final ScheduledExecutorService WRITER = Executors.newSingleThreadScheduledExecutor();

    @Test
    void theSampleExtractIsLoadedWholeAndMovedToProcesadosWithANote() throws IOException {
        String sample = sample("ejecucion-senavex-2020-06-30.csv");

        drop("ejecucion.csv", sample.getBytes(StandardCharsets.UTF_8));

        String note = awaitNote("procesados", "ejecucion-", ".resultado.txt");
        assertThat(note).contains("cargado como extracto").contains("EJECUCION, gestión 2020, corte 2020-06-30")
                .contains("6 líneas");
        assertThat(listed("procesados")).anyMatch(n -> n.startsWith("ejecucion-") && n.endsWith(".csv"));
        assertThat(listed("")).noneMatch(n -> n.endsWith(".csv"));
        assertThat(devengado("2020-06-30")).isEqualByComparingTo("2328361.75");
    }

    @Test
    void theSameContentTwiceLoadsOnceAndTheNoteSaysSo() throws IOException {
        byte[] content = sample("ejecucion-senavex-2020-06-30.csv").replace("30/06/2020", "31/01/2020")
                .getBytes(StandardCharsets.UTF_8);
        drop("enero.csv", content);
        awaitNote("procesados", "enero-", ".resultado.txt");

        drop("enero-otra-vez.csv", content);

        assertThat(awaitNote("procesados", "enero-otra-vez-", ".resultado.txt"))
                .contains("el mismo contenido ya se cargó como extracto").contains("no se cargó de nuevo");
        assertThat(loads("2020-01-31")).isEqualTo(1);
    }

    @Test
    void utf8WithAndWithoutBomAndWindows1252LoadIdenticalLinesAsSuccessiveVersions() throws IOException {
        String text = sample("ejecucion-senavex-2020-06-30.csv").replace("30/06/2020", "29/02/2020");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, bom, 0, 3);
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        drop("feb-utf8.csv", utf8);
        awaitNote("procesados", "feb-utf8-", ".resultado.txt");
        drop("feb-bom.csv", bom);
        awaitNote("procesados", "feb-bom-", ".resultado.txt");
        drop("feb-1252.csv", text.getBytes(TableOptions.WINDOWS_1252));
        awaitNote("procesados", "feb-1252-", ".resultado.txt");

        List<String> versions = sql.sql("select e.version || ':' || string_agg(concat_ws('|', l.line_kind, l.da,"
                        + " l.ue, l.programa, l.proyecto, l.actividad, l.fuente, l.organismo, l.partida, l.vigente,"
                        + " l.devengado, l.pagado), ',' order by l.line_no) from finance_extract e"
                        + " join finance_execution_line l on l.extract_id = e.id where e.cut_off = '2020-02-29'"
                        + " group by e.version order by e.version").query(String.class).list();
        assertThat(versions).hasSize(3);
        assertThat(versions.stream().map(v -> v.substring(v.indexOf(':'))).distinct()).hasSize(1);
        assertThat(sql.sql("select count(*) from finance_extract where cut_off = '2020-02-29' and superseded_at is"
                + " null").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aBadFileLoadsNothingAndEveryProblemIsInItsErrorFile() throws IOException {
        String bad = sample("ejecucion-senavex-2020-06-30.csv").replace("30/06/2020", "31/03/2020")
                .replace(";11700;", ";1170;").replace("432.713,00", "432.71x");

        drop("marzo.csv", bad.getBytes(StandardCharsets.UTF_8));

        String errors = awaitNote("con-errores", "marzo-", ".errores.txt");
        assertThat(errors).contains("3 error(es); no se cargó nada")
                .contains("8;Partida;1170;'1170' debe tener exactamente 5 dígitos")
                .contains("10;Partida;1170;'1170' debe tener exactamente 5 dígitos")
                .contains("9;Vigente;432.71x;'432.71x' no es un número");
        assertThat(listed("con-errores")).anyMatch(n -> n.startsWith("marzo-") && n.endsWith(".csv"));
        assertThat(loads("2020-03-31")).isZero();
    }

    @Test
    void aFileStillBeingWrittenIsNotReadUntilItIsComplete() throws Exception {
        List<String> lines = sample("ejecucion-senavex-2020-06-30.csv").replace("30/06/2020", "30/04/2020")
                .lines().toList();
        Path file = INBOX.resolve("abril.csv");
        // a slow copy straight into the inbox: one line every 300 ms; before each line the writer records how many
        // loads of the period exist (every prefix after the title row would be a valid extract of its own)
        List<Long> loadsWhileWriting = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        CompletableFuture<Void> written = new CompletableFuture<>();
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        ScheduledFuture<?> writer = WRITER.scheduleAtFixedRate(() -> {
            if (written.isDone()) {
                return;
            }
            try {
                loadsWhileWriting.add(loads("2020-04-30"));
                int i = next.getAndIncrement();
                if (i == lines.size()) {
                    out.close();
                    written.complete(null);
                } else {
                    out.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                written.completeExceptionally(e);
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
        written.get(60, TimeUnit.SECONDS);
        writer.cancel(false);

        assertThat(loadsWhileWriting).hasSize(lines.size() + 1).containsOnly(0L);
        assertThat(awaitNote("procesados", "abril-", ".resultado.txt")).contains("6 líneas");
        assertThat(loads("2020-04-30")).isEqualTo(1);
    }

    private long loads(String cutOff) {
        return sql.sql("select count(*) from finance_extract where cut_off = ?::date").param(cutOff)
                .query(Long.class).single();
    }

    private BigDecimal devengado(String cutOff) {
        return sql.sql("select sum(l.devengado) from finance_execution_line l join finance_extract e on"
                + " e.id = l.extract_id where e.cut_off = ?::date and e.superseded_at is null").param(cutOff)
                .query(BigDecimal.class).single();
    }

    private static void drop(String name, byte[] content) throws IOException {
        // as a careful person or script does: write under another name, then rename (the inbox ignores .part)
        Path part = INBOX.resolve(name + ".part");
        Files.write(part, content);
        Files.move(part, INBOX.resolve(name));
    }

    private static String awaitNote(String folder, String prefix, String suffix) {
        Path dir = INBOX.resolve(folder);
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (Stream<Path> files = Files.list(dir)) {
                Path note = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(suffix)
                        && p.getFileName().toString().substring(prefix.length()).matches("\\d{8}-.*"))
                        .findFirst().orElse(null);
                return note == null ? null : Files.readString(note);
            }
        }, n -> n != null);
    }

    private static List<String> listed(String folder) throws IOException {
        try (Stream<Path> files = Files.list(INBOX.resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    static final String SAMPLES = "/org/poahub/routes/finance/ejemplos/";

    static String sample(String name) throws IOException {
        try (InputStream in = FinanceExtractInboxIT.class.getResourceAsStream(SAMPLES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("poa-finance-inbox-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
