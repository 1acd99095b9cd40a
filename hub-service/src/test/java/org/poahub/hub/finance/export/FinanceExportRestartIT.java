package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.RegionAcls;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.poahub.testkit.TestSftpServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export recorded by a hub that stops before it could deliver it (the SFTP server was down) is delivered by the
 * next hub at start-up, once: the record is the promise, the files follow it.
 */
class FinanceExportRestartIT {

    static final TestSftpServer SFTP = TestSftpServer.start();
    static final Path OUTBOX = SFTP.root().resolve("salida");
    static final TestDatabase DB = TestPostgres.freshDatabase();
    static final String TOPIC = "poa.finance.execution.it-" + UUID.randomUUID();
    static final String REGISTRY_PASSWORD = UUID.randomUUID().toString();

    @AfterAll
    static void stop() {
        SFTP.close();
    }

    @Test
    void anExportLeftUndeliveredByAStoppedHubIsDeliveredOnceByTheNextHub() throws IOException {
        Files.createDirectories(OUTBOX);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
        SFTP.stop();
        long id;
        try (ConfigurableApplicationContext first = startHub()) {
            id = first.getBean(FinanceExportService.class)
                    .export(2020, "2020-T2", FinanceExportService.Trigger.API, "planificadora").export().id();
            ExportDelivery delivery = first.getBean(ExportDelivery.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery.failedAttempts(id) >= 1);
        }
        JdbcClient sql = JdbcClient.create(DB.dataSource());
        assertThat(sql.sql("select delivered_at is null from finance_export where id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(names()).isEmpty();

        SFTP.restart();
        try (ConfigurableApplicationContext second = startHub()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> sql.sql("select delivered_at is not null and"
                    + " published_at is not null from finance_export where id = ?").param(id).query(Boolean.class)
                    .single());
            ExportDelivery delivery = second.getBean(ExportDelivery.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> delivery.failedAttempts(id) == 0);
            assertThat(names()).containsExactlyInAnyOrder("ejecucion_41_2020_2020-T2_v1.csv",
                    "ejecucion_41_2020_2020-T2_v1.xlsx", "ejecucion_41_2020_2020-T2_v1.done");
            assertThat(sql.sql("select count(*) from finance_export").query(Long.class).single()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext startHub() {
        return SftpExportHub.start(SftpExportHub.settings(DB, SFTP, TOPIC, REGISTRY_PASSWORD));
    }

    private static List<String> names() {
        try (Stream<Path> files = Files.list(OUTBOX)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
