package org.poahub.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server for tests: Apache MINA SSHD with its SFTP subsystem on 127.0.0.1, a free port, one user, and a
 * virtual root directory (the user sees {@code /} = {@link #root()}, a temporary directory the test can read and
 * write directly). Password authentication always; public-key authentication too when a key is given.
 *
 * <pre>{@code
 * try (TestSftpServer sftp = TestSftpServer.start()) {
 *     String uri = "sftp://" + sftp.user() + "@127.0.0.1:" + sftp.port() + "/inbox?password=" + sftp.password();
 *     ...
 * }
 * }</pre>
 * {@link #stop()} and {@link #restart()} (same port, same files) let a test take the server away and bring it back;
 * {@link #addEventListener} lets it watch or slow down what clients do (e.g. stall a write to simulate a slow link).
 */
public final class TestSftpServer implements AutoCloseable {

    private final Path root;
    private final Path hostKey;
    private final String user;
    private final String password;
    private final PublicKey authorizedKey;
    private final List<SftpEventListener> listeners = new CopyOnWriteArrayList<>();
    private SshServer server;
    private SftpSubsystemFactory sftp;
    private int port;

    private TestSftpServer(Path root, String user, String password, PublicKey authorizedKey) {
        this.root = root;
        this.hostKey = root.getParent().resolve(root.getFileName() + "-hostkey.ser");
        this.user = user;
        this.password = password;
        this.authorizedKey = authorizedKey;
    }

    /** A server with a random password and a fresh temporary root directory. */
    public static TestSftpServer start() {
        return start(null);
    }

    /** As {@link #start()}, also accepting public-key authentication with {@code authorizedKey}. */
    public static TestSftpServer start(PublicKey authorizedKey) {
        TestSftpServer s = new TestSftpServer(TempDirs.create("poa-test-sftp-"), "poa",
                UUID.randomUUID().toString().replace("-", ""), authorizedKey);
        s.listen(0);
        return s;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The directory the SFTP user sees as {@code /}. */
    public Path root() {
        return root;
    }

    public synchronized boolean running() {
        return server != null && server.isStarted();
    }

    /**
     * Calls {@code listener} on every SFTP operation of the sessions opened from now on (and after a restart), on the
     * server's thread of that session: a listener that blocks holds that client's requests, as a stalled link would.
     */
    public synchronized void addEventListener(SftpEventListener listener) {
        listeners.add(SftpEventListener.validateListener(listener));
        if (sftp != null) {
            sftp.addSftpEventListener(listener);
        }
    }

    /** Stops listening (connections are refused) and keeps the files. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the SFTP server on port " + port + ": " + e.getMessage(), e);
        } finally {
            server = null;
        }
    }

    /** Starts again on the same port with the same files and host key. */
    public synchronized void restart() {
        if (server == null) {
            listen(port);
        }
    }

    /** Stops the server and deletes its root directory. */
    @Override
    public void close() {
        stop();
        TempDirs.deleteQuietly(root);
        hostKey.toFile().delete();
    }

    private synchronized void listen(int wantedPort) {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(wantedPort);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
        s.setKeyPairProvider(keys);
        s.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        if (authorizedKey != null) {
            s.setPublickeyAuthenticator((u, key, session) -> user.equals(u) && Objects.equals(authorizedKey, key));
        }
        SftpSubsystemFactory subsystem = new SftpSubsystemFactory();
        listeners.forEach(subsystem::addSftpEventListener);
        s.setSubsystemFactories(List.of(subsystem));
        s.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SFTP server on 127.0.0.1:" + wantedPort + ": "
                    + e.getMessage(), e);
        }
        server = s;
        sftp = subsystem;
        port = s.getPort();
    }
}
