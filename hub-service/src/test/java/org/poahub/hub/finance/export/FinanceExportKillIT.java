package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.RegionAcls;
import org.poahub.hub.ChildHub;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.poahub.testkit.TestSftpServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hub killed with -9 in the middle of writing an export to the SFTP outbox leaves no partial file visible, and the
 * next hub delivers the export whole and once. The first hub runs in a child JVM so that the kill is a real one (no
 * shutdown, no {@code finally}); the test's SFTP server is its slow link: it holds the hub's first write of a file
 * until the hub is dead, so the kill lands mid-write every time.
 */
class FinanceExportKillIT {

    static final TestSftpServer SFTP = TestSftpServer.start();
    static final StalledLink LINK = new StalledLink();
    static final Path OUTBOX = SFTP.root().resolve("salida");
    static final TestDatabase DB = TestPostgres.freshDatabase();
    static final String TOPIC = "poa.finance.execution.it-" + UUID.randomUUID();
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();
    static final String BASE = "ejecucion_41_2020_2020-T2_v1";

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stop() {
        LINK.release();
        SFTP.close();
    }

    @Test
    void aHubKilledWhileWritingAnExportLeavesNoPartialFileVisibleAndTheNextHubDeliversItWholeAndOnce()
            throws IOException {
        Files.createDirectories(OUTBOX);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
        SFTP.addEventListener(LINK);
        JdbcClient sql = JdbcClient.create(DB.dataSource());

        long id;
        try (ChildHub first = ChildHub.start(SftpExportHub.settings(DB, SFTP, TOPIC, REGISTRY_PASSWORD),
                Path.of("target", "FinanceExportKillIT-hub.log"))) {
            await().atMost(Duration.ofMinutes(3)).until(first::isUp);
            HttpResponse<String> created = post(first.port(), "/api/finance/exports/2020/2020-T2");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = json.readTree(created.body()).path("id").asLong();

            // the hub is writing the CSV, under its temporary name, and its write is held on the link
            assertThat(LINK.awaitHeldWrite()).isEqualTo(BASE + ".csv.part");
            assertThat(OUTBOX.resolve(BASE + ".csv.part")).exists();

            first.kill();
        }
        LINK.release();

        // what the finance unit's side sees: no file under a final name and no .done, only the temporary file
        assertThat(names()).containsExactly(BASE + ".csv.part");
        assertThat(sql.sql("select delivered_at is null and published_at is null from finance_export where id = ?")
                .param(id).query(Boolean.class).single()).isTrue();

        try (ConfigurableApplicationContext second = SftpExportHub.start(
                SftpExportHub.settings(DB, SFTP, TOPIC, REGISTRY_PASSWORD))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> sql.sql("select delivered_at is not null and"
                    + " published_at is not null from finance_export where id = ?").param(id).query(Boolean.class)
                    .single());

            // delivered whole and once: the same export (one row, version 1), exactly its three files
            assertThat(sql.sql("select version from finance_export").query(Integer.class).list()).containsExactly(1);
            assertThat(names()).containsExactlyInAnyOrder(BASE + ".csv", BASE + ".xlsx", BASE + ".done");
            // the killed hub's temporary file was deleted before the CSV was written again
            assertThat(LINK.removed()).contains(BASE + ".csv.part");

            // the files are the recorded bytes, which the API and the .done file name
            byte[] csv = Files.readAllBytes(OUTBOX.resolve(BASE + ".csv"));
            byte[] xlsx = Files.readAllBytes(OUTBOX.resolve(BASE + ".xlsx"));
            Map<String, Object> recorded = sql.sql("select csv_content, xlsx_content from finance_export where id = ?")
                    .param(id).query().singleRow();
            assertThat(csv).isEqualTo(recorded.get("csv_content"));
            assertThat(xlsx).isEqualTo(recorded.get("xlsx_content"));
            JsonNode detail = json.readTree(HubHttp.get(port(second), "/api/finance/exports/" + id,
                    RealServers.USER + ":" + RealServers.PASSWORD).body());
            assertThat(detail.path("export").path("version").asInt()).isEqualTo(1);
            assertThat(detail.path("export").path("csvSha256").asString()).isEqualTo(ExtractFileHandler.sha256(csv));
            assertThat(detail.path("export").path("xlsxSha256").asString())
                    .isEqualTo(ExtractFileHandler.sha256(xlsx));
            assertThat(Files.readString(OUTBOX.resolve(BASE + ".done"))).isEqualTo(
                    BASE + ".csv;" + ExtractFileHandler.sha256(csv) + ";" + csv.length + "\r\n"
                            + BASE + ".xlsx;" + ExtractFileHandler.sha256(xlsx) + ";" + xlsx.length + "\r\n");
            CSVRecord total = lastRow(csv);
            assertThat(total.get(0)).isEqualTo("TOTAL");
            assertThat(new BigDecimal(total.get(10)))
                    .isEqualByComparingTo(detail.path("execution").path("budget").decimalValue());
            assertThat(new BigDecimal(total.get(11)))
                    .isEqualByComparingTo(detail.path("execution").path("spent").decimalValue());
        }
    }

    /**
     * The test's slow link: the first write of a file is held, on the server's thread of that session, until
     * {@link #release()}; every removal is recorded.
     */
    static final class StalledLink implements SftpEventListener {

        private final AtomicBoolean armed = new AtomicBoolean(true);
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<String> removed = new CopyOnWriteArrayList<>();
        private volatile String heldFile;

        @Override
        public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                byte[] data, int dataOffset, int dataLen) throws IOException {
            if (armed.compareAndSet(true, false)) {
                heldFile = localHandle.getFile().getFileName().toString();
                held.countDown();
                try {
                    if (!released.await(5, TimeUnit.MINUTES)) {
                        throw new IOException("the held write was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("the session ended while its write was held");
                }
            }
        }

        @Override
        public void removing(ServerSession session, Path path, boolean isDirectory) {
            removed.add(path.getFileName().toString());
        }

        /** The name of the file whose write is held, once a write is. */
        String awaitHeldWrite() {
            await().atMost(Duration.ofSeconds(60)).until(() -> held.getCount() == 0);
            return heldFile;
        }

        void release() {
            released.countDown();
        }

        List<String> removed() {
            return removed;
        }
    }

    private static int port(ConfigurableApplicationContext hub) {
        return Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static CSVRecord lastRow(byte[] csv) throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        return rows.get(rows.size() - 1);
    }

    private static HttpResponse<String> post(int port, String path) {
        return HubHttp.send(HubHttp.request(port, path, RealServers.USER + ":" + RealServers.PASSWORD)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> names() {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
