package org.poahub.hub.finance.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.hub.RealServers;
import org.poahub.testkit.TestSftpServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code finance-extract-in} reading its inbox on a real SFTP server (Apache MINA SSHD) into the real PostgreSQL. */
@SpringBootTest
class FinanceExtractSftpIT {

    static final TestSftpServer SFTP = TestSftpServer.start();
    static final Path INBOX = SFTP.root().resolve("entrada");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(INBOX);
        RealServers.register(registry);
        registry.add("poa.finance.inbox.enabled", () -> "true");
        registry.add("poa.finance.inbox.sftp.host", SFTP::host);
        registry.add("poa.finance.inbox.sftp.port", SFTP::port);
        registry.add("poa.finance.inbox.sftp.user", SFTP::user);
        registry.add("poa.finance.inbox.sftp.password", SFTP::password);
        registry.add("poa.finance.inbox.sftp.directory", () -> "entrada");
        registry.add("poa.finance.inbox.read-lock-millis", () -> "1000");
        registry.add("poa.finance.inbox.poll-millis", () -> "200");
    }

    @AfterAll
    static void stop() {
        SFTP.close();
    }

    @Autowired
    JdbcClient sql;

    @Test
    void anExtractOnTheSftpServerIsLoadedAndMovedToProcesadosThere() throws IOException {
        drop("ejecucion.csv", FinanceExtractInboxIT.sample("ejecucion-senavex-2020-06-30.csv"));

        assertThat(awaitNote("procesados", "ejecucion-", ".resultado.txt")).contains("cargado como extracto")
                .contains("6 líneas");
        assertThat(sql.sql("select source from finance_extract where cut_off = '2020-06-30'").query(String.class)
                .single()).isEqualTo("sftp://" + SFTP.user() + "@127.0.0.1:" + SFTP.port() + "/entrada/ejecucion.csv");
    }

    @Test
    void aBadVoucherListingOnTheSftpServerEndsInConErroresWithItsErrors() throws IOException {
        String bad = FinanceExtractInboxIT.sample("comprobantes-senavex-2020-06-30.csv")
                .replace("30/06/2020", "31/05/2020").replace(";PAGADO;", ";PAGADA;");

        drop("comprobantes.csv", bad);

        assertThat(awaitNote("con-errores", "comprobantes-", ".errores.txt")).contains("1 error(es); no se cargó nada")
                .contains("9;Etapa;PAGADA;'PAGADA' no es uno de PREVENTIVO, COMPROMISO, DEVENGADO, PAGADO");
        assertThat(sql.sql("select count(*) from finance_extract where cut_off = '2020-05-31'").query(Long.class)
                .single()).isZero();
    }

    private static void drop(String name, String content) throws IOException {
        Path part = INBOX.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, INBOX.resolve(name));
    }

    private static String awaitNote(String folder, String prefix, String suffix) {
        Path dir = INBOX.resolve(folder);
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            try (Stream<Path> files = Files.list(dir)) {
                Path note = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return note == null ? null : Files.readString(note);
            }
        }, n -> n != null);
    }
}
