package org.poahub.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.poahub.contract.BrokerAccounts;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * Kafka's own jars in a child JVM bound to 127.0.0.1. Used by the tests when there is no Docker and
 * by the local stack, where its data directory persists between runs.
 */
public final class KraftBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Builder config;
    private final int port;
    private final int agentPort;
    private final Process process;

    private KraftBroker(Builder config, int port, int agentPort, Process process) {
        this.config = config;
        this.port = port;
        this.agentPort = agentPort;
        this.process = process;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** What clients use: the advertised address, which may be a proxy's in fault-injection tests. */
    public String bootstrapServers() {
        return "127.0.0.1:" + config.advertisedPortOr(port);
    }

    /** The port the broker itself listens on. */
    public int port() {
        return port;
    }

    /** Whether the broker authenticates (SCRAM-SHA-512) and authorizes (ACLs): see {@link Builder#secured}. */
    public boolean isSecured() {
        return config.security != null;
    }

    /** The security of a {@link #isSecured() secured} broker: super user, certificates. */
    public BrokerSecurity security() {
        if (config.security == null) {
            throw new IllegalStateException("this broker runs without authentication (no Builder.secured(...))");
        }
        return config.security;
    }

    /** The agents' TLS listener ({@code SASL_SSL}) of a secured broker. */
    public String agentBootstrapServers() {
        security();
        return "127.0.0.1:" + agentPort;
    }

    public int agentPort() {
        return agentPort;
    }

    /**
     * What an Admin client, producer or consumer needs to reach {@link #bootstrapServers()} as the super user (just
     * the address when the broker is not secured).
     */
    public Map<String, Object> adminClientProperties() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (config.security != null) {
            p.putAll(config.security.adminLogin());
        }
        return p;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the same broker again (same data directory and ports), e.g. after {@link #stop()}. */
    public KraftBroker restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("broker is still running (pid " + process.pid() + ")");
        }
        return config.port(port).agentPort(agentPort).start();
    }

    /** Clean shutdown: closing stdin makes the child exit, which runs Kafka's own shutdown hook. */
    public void stop() {
        ChildJvm.stop(process);
    }

    /** The last lines the broker wrote, for a test's failure message. */
    public String logTail() {
        return tail(config.logPath());
    }

    /** Like a power cut: SIGKILL, no shutdown. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }

    public static final class Builder {
        private final Path dataDir;
        private int port;
        private int advertisedPort;
        private int agentPort;
        private BrokerSecurity security;
        private String maxHeap = "512m";
        private Path logFile;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        /** Listener port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Port written in advertised.listeners, for a proxy in front of the broker; 0 means the broker's own. */
        public Builder advertisedPort(int advertisedPort) {
            this.advertisedPort = advertisedPort;
            return this;
        }

        /**
         * SCRAM-SHA-512 on every client listener and the StandardAuthorizer (no ACL, no access; the super users are
         * the security's admin and the controller): a SASL_PLAINTEXT listener on 127.0.0.1 for the hub and the admin
         * ({@link #bootstrapServers()}) and a SASL_SSL one for agents ({@link #agentBootstrapServers()}).
         */
        public Builder secured(BrokerSecurity security) {
            this.security = security;
            return this;
        }

        /** Port of the agents' TLS listener of a secured broker; 0 (the default) picks a free one. */
        public Builder agentPort(int agentPort) {
            this.agentPort = agentPort;
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** Where the broker's stdout and stderr go; default {@code <dataDir>/broker.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Any broker property, e.g. {@code auto.create.topics.enable}. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        int advertisedPortOr(int actual) {
            return advertisedPort == 0 ? actual : advertisedPort;
        }

        private Path logPath() {
            return logFile != null ? logFile.toAbsolutePath() : dataDir.resolve("broker.log");
        }

        public KraftBroker start() {
            try {
                Files.createDirectories(dataDir);
                int brokerPort = port == 0 ? freePort() : port;
                int tlsPort = security == null ? 0 : agentPort == 0 ? freePort() : agentPort;
                Path props = writeProperties(brokerPort, tlsPort, freePort());
                Path log = logPath();
                Files.createDirectories(log.getParent());
                format(props, log);
                List<String> jvm = List.of("-Xmx" + maxHeap, "-Xms64m", "-Djava.awt.headless=true");
                Process process = ChildJvm.processFor(ChildMain.class.getName(), jvm, List.of("kafka.Kafka", props.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                KraftBroker broker = new KraftBroker(this, brokerPort, tlsPort, process);
                awaitReady(broker, log);
                return broker;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Kafka broker in " + dataDir + ": " + e.getMessage(), e);
            }
        }

        private Path writeProperties(int brokerPort, int tlsPort, int controllerPort) throws IOException {
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            if (security == null) {
                p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
                p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPortOr(brokerPort));
                p.setProperty("inter.broker.listener.name", "PLAINTEXT");
                p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            } else {
                secure(p, brokerPort, tlsPort, controllerPort);
            }
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("log.dirs", dataDir.resolve("kraft-logs").toString());
            // A single node: every internal topic must make do with one replica, or consumer groups hang.
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "10");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("num.partitions", "3");
            overrides.forEach(p::setProperty);
            Path file = dataDir.resolve("server.properties");
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            TempDirs.ownerOnly(file); // it holds the super user's password when secured
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by poa-hub testkit; regenerated at every start");
            }
            return file;
        }

        /** The listeners, SASL logins and authorizer of a secured broker. */
        private void secure(Properties p, int brokerPort, int tlsPort, int controllerPort) {
            p.setProperty("listeners", "CLIENTS://127.0.0.1:" + brokerPort + ",AGENTS://127.0.0.1:" + tlsPort
                    + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "CLIENTS://127.0.0.1:" + advertisedPortOr(brokerPort)
                    + ",AGENTS://127.0.0.1:" + tlsPort);
            p.setProperty("listener.security.protocol.map",
                    "CLIENTS:SASL_PLAINTEXT,AGENTS:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
            p.setProperty("inter.broker.listener.name", "CLIENTS");
            p.setProperty("sasl.enabled.mechanisms", BrokerAccounts.MECHANISM);
            p.setProperty("sasl.mechanism.inter.broker.protocol", BrokerAccounts.MECHANISM);
            p.setProperty("listener.name.clients.scram-sha-512.sasl.jaas.config",
                    BrokerAccounts.jaas(security.adminUser(), security.adminPassword()));
            p.setProperty("listener.name.agents.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            // KRaft controllers cannot use SCRAM (its credentials live in the metadata they serve): PLAIN, loopback.
            p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
            p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            p.setProperty("listener.name.controller.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BrokerSecurity.CONTROLLER
                            + "\" password=\"" + security.controllerPassword() + "\" user_" + BrokerSecurity.CONTROLLER
                            + "=\"" + security.controllerPassword() + "\";");
            p.setProperty("listener.name.agents.ssl.keystore.type", "PEM");
            p.setProperty("listener.name.agents.ssl.keystore.location",
                    security.certificates().brokerKeyAndCertificate().toString());
            p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.setProperty("super.users", "User:" + security.adminUser() + ";User:" + BrokerSecurity.CONTROLLER);
            p.setProperty("allow.everyone.if.no.acl.found", "false");
            // A revoked agent's open connection must log in again within a minute (its ACLs are gone at once).
            p.setProperty("connections.max.reauth.ms", "60000");
        }

        /** Formats the storage once; an already formatted directory keeps its data and cluster id. */
        private void format(Path props, Path log) throws IOException {
            if (Files.exists(dataDir.resolve("kraft-logs").resolve("meta.properties"))) {
                return;
            }
            List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(),
                    "-c", props.toString()));
            if (security != null) {
                // The super user must exist before the broker can be asked to create anyone.
                args.addAll(List.of("--add-scram", BrokerAccounts.MECHANISM + "=[name=" + security.adminUser()
                        + ",password=" + security.adminPassword() + "]"));
            }
            Process format = ChildJvm.processFor("kafka.tools.StorageTool", List.of("-Xmx256m"), args)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try {
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    format.destroyForcibly();
                    throw new IllegalStateException("Formatting Kafka storage in " + dataDir
                            + " failed; see " + log + ":\n" + tail(log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while formatting Kafka storage", e);
            }
        }

        private void awaitReady(KraftBroker broker, Path log) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            Map<String, Object> conf = new java.util.HashMap<>(broker.adminClientProperties());
            conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + broker.port);
            conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            Admin admin = null;
            try {
                while (System.nanoTime() < deadline) {
                    if (!broker.process.isAlive()) {
                        throw new IllegalStateException("The Kafka broker exited with code " + broker.process.exitValue()
                                + " during start-up; see " + log + ":\n" + tail(log));
                    }
                    if (!accepts(broker.port)) {
                        sleepQuietly(200);
                        continue;
                    }
                    if (admin == null) {
                        admin = Admin.create(conf);
                    }
                    try {
                        if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                            return;
                        }
                    } catch (Exception notYet) {
                        sleepQuietly(200);
                    }
                }
            } finally {
                if (admin != null) {
                    admin.close();
                }
            }
            broker.stop();
            throw new IllegalStateException("The Kafka broker did not become ready within " + READY_TIMEOUT.toSeconds()
                    + " s (is port " + broker.port + " free, is there disk space in " + dataDir + "?); see " + log
                    + ":\n" + tail(log));
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
