package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SftpServerIT {

    private static SshClient client;

    @BeforeAll
    static void startClient() {
        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterAll
    static void stopClient() {
        client.stop();
    }

    @Test
    void aFileUploadedWithPasswordAuthLandsUnderTheVirtualRoot() throws Exception {
        try (TestSftpServer sftp = TestSftpServer.start()) {
            try (ClientSession session = passwordSession(sftp); SftpClient c = sftp(session)) {
                c.mkdir("/inbox");
                try (OutputStream out = c.write("/inbox/extracto.csv")) {
                    out.write("gestion;partida\n2020;25220\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            assertThat(Files.readString(sftp.root().resolve("inbox/extracto.csv")))
                    .isEqualTo("gestion;partida\n2020;25220\n");
        }
    }

    @Test
    void aFilePutInTheRootIsReadOverSftp() throws Exception {
        try (TestSftpServer sftp = TestSftpServer.start()) {
            Files.writeString(sftp.root().resolve("listo.txt"), "hola");
            try (ClientSession session = passwordSession(sftp); SftpClient c = sftp(session);
                    InputStream in = c.read("/listo.txt")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hola");
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (TestSftpServer sftp = TestSftpServer.start()) {
            assertThatThrownBy(() -> {
                try (ClientSession session = connect(sftp)) {
                    session.addPasswordIdentity("not-" + sftp.password());
                    session.auth().verify(Duration.ofSeconds(10));
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theAuthorizedKeyIsAcceptedInsteadOfThePassword() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        try (TestSftpServer sftp = TestSftpServer.start(key.getPublic())) {
            try (ClientSession session = connect(sftp)) {
                session.addPublicKeyIdentity(key);
                session.auth().verify(Duration.ofSeconds(10));
                try (SftpClient c = sftp(session)) {
                    assertThat(c.canonicalPath(".")).isEqualTo("/");
                }
            }
        }
    }

    @Test
    void aStoppedServerRefusesConnectionsAndComesBackOnTheSamePortWithItsFiles() throws Exception {
        try (TestSftpServer sftp = TestSftpServer.start()) {
            int port = sftp.port();
            Files.writeString(sftp.root().resolve("a.txt"), "1");
            sftp.stop();
            assertThat(sftp.running()).isFalse();
            assertThatThrownBy(() -> passwordSession(sftp).close()).isInstanceOf(IOException.class);
            sftp.restart();
            assertThat(sftp.port()).isEqualTo(port);
            try (ClientSession session = passwordSession(sftp); SftpClient c = sftp(session)) {
                assertThat(c.stat("/a.txt").getSize()).isEqualTo(1L);
            }
        }
    }

    private static ClientSession connect(TestSftpServer sftp) throws IOException {
        return client.connect(sftp.user(), sftp.host(), sftp.port()).verify(Duration.ofSeconds(10)).getSession();
    }

    private static SftpClient sftp(ClientSession session) throws IOException {
        return SftpClientFactory.instance().createSftpClient(session);
    }

    private static ClientSession passwordSession(TestSftpServer sftp) throws IOException {
        ClientSession session = connect(sftp);
        session.addPasswordIdentity(sftp.password());
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }
}
