package org.poahub.agent.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.poahub.agent.it.AgentITSupport;
import org.poahub.agent.it.AgentProcess;
import org.poahub.agent.it.TestRegistryServer;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.PlanBudgetLine;
import org.poahub.contract.PlanOperation;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.PlanTargetKind;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestKafka;

/**
 * What the agent costs its office's link (results in {@code docs/benchmarks.md}, section "Regional agent: the
 * link"): two packaged agents — {@code --before} (e.g. the release jar) and {@code --after} — run {@code ejecutar}
 * side by side against one real KRaft broker, each through a counting TCP proxy (netcrusher) on the Kafka
 * connection and another on the schema registry's HTTP, so every byte either agent exchanges is counted. A
 * simulated hub (a consumer and producer on the broker's own listener, not counted) answers every report with an
 * outcome at once. Phases: a first sync of 20 reports, {@code --idle-minutes} of idleness (default 16: one plan
 * check of the new agent falls inside), then a sync of {@code --reports} (default 1,000) simulated reports, counted
 * until the last outcome is stored, with the delay between the hub's outcome and the agent storing it.
 */
public final class LinkCostBenchmark {

    private LinkCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path beforeJar = Path.of(option(a, "--before", "")).toAbsolutePath();
        Path afterJar = Path.of(option(a, "--after", "target/regional-agent.jar")).toAbsolutePath();
        int idleMinutes = Integer.parseInt(option(a, "--idle-minutes", "16"));
        int reports = Integer.parseInt(option(a, "--reports", "1000"));
        Path work = Files.createTempDirectory("link-cost");
        int hubPort = freePort();
        int controllerPort = freePort();
        Variant before = new Variant("before", beforeJar, "BO-L", freePort(), freePort());
        Variant after = new Variant("after", afterJar, "BO-C", freePort(), freePort());
        List<Variant> variants = List.of(before, after);
        KraftBroker broker = KraftBroker.builder(work.resolve("broker")).port(hubPort).maxHeap("384m")
                .property("listeners", "PLAINTEXT://127.0.0.1:" + hubPort + ",AGENT1://127.0.0.1:" + before.listenerPort
                        + ",AGENT2://127.0.0.1:" + after.listenerPort + ",CONTROLLER://127.0.0.1:" + controllerPort)
                .property("controller.quorum.voters", "1@127.0.0.1:" + controllerPort)
                .property("advertised.listeners", "PLAINTEXT://127.0.0.1:" + hubPort + ",AGENT1://127.0.0.1:"
                        + before.proxyPort + ",AGENT2://127.0.0.1:" + after.proxyPort)
                .property("listener.security.protocol.map",
                        "PLAINTEXT:PLAINTEXT,AGENT1:PLAINTEXT,AGENT2:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .property("auto.create.topics.enable", "false").start();
        NioReactor reactor = new NioReactor();
        try (TestRegistryServer registry = new TestRegistryServer()) {
            String direct = broker.bootstrapServers();
            TestKafka.createTopics(direct, 1, Topics.PLAN);
            int registryPort = URI.create(registry.url()).getPort();
            for (Variant v : variants) {
                AgentITSupport.createTopics(direct, v.region);
                AgentITSupport.registerSchemas(registry, v.region);
                v.kafka = new Counter(reactor, v.proxyPort, v.listenerPort);
                v.http = new Counter(reactor, freePort(), registryPort);
                v.agent = new AgentProcess(work.resolve(v.name), v.region, "127.0.0.1:" + v.proxyPort,
                        "http://127.0.0.1:" + v.http.port, new Properties());
            }
            registry.register(Topics.PLAN + "-value", PlanSnapshot.getClassSchema());
            publishPlans(direct, registry.url(), variants);
            try (SimulatedHub hub = new SimulatedHub(direct, registry.url())) {
                Thread hubThread = new Thread(hub, "simulated-hub");
                hubThread.start();
                for (Variant v : variants) {
                    v.run("simular", "--cantidad", "20", "--invalidos", "0");
                    v.service = v.start("ejecutar", "--sin-carpeta");
                }
                for (Variant v : variants) {
                    v.awaitAllAccepted(20, Duration.ofMinutes(3));
                }
                System.out.printf("first sync of 20 reports done; idle for %d minutes%n", idleMinutes);
                Thread.sleep(Duration.ofSeconds(20).toMillis());
                for (Variant v : variants) {
                    v.mark();
                }
                Thread.sleep(Duration.ofMinutes(idleMinutes).toMillis());
                for (Variant v : variants) {
                    v.idle = v.sinceMark();
                }
                for (Variant v : variants) {
                    v.mark();
                    long start = System.currentTimeMillis();
                    v.run("simular", "--cantidad", Integer.toString(reports), "--invalidos", "0", "--semilla", "7");
                    long total = v.awaitAllAccepted(20 + reports, Duration.ofMinutes(10));
                    v.sync = v.sinceMark();
                    v.syncSeconds = (System.currentTimeMillis() - start) / 1000.0;
                    v.syncReports = total - 20;
                    v.latencies = hub.latencies(v.agent.database());
                }
                hub.stop();
                hubThread.join(30_000);
            }
            System.out.println();
            System.out.printf("| agent | idle: sent / received per minute | sync of %,d reports: sent / received "
                    + "| per report: sent / received | sync wall clock | receipt delay after the hub's outcome: "
                    + "median / max |%n", reports);
            System.out.println("|---|---|---|---|---|---|");
            for (Variant v : variants) {
                System.out.printf("| %s (%s) | %.2f KB / %.2f KB | %.1f KB / %.1f KB | %.0f B / %.0f B | %.1f s "
                        + "| %d ms / %d ms |%n", v.name, v.jar.getFileName(), v.idle[0] / 1024.0 / idleMinutes,
                        v.idle[1] / 1024.0 / idleMinutes, v.sync[0] / 1024.0, v.sync[1] / 1024.0,
                        (double) v.sync[0] / v.syncReports, (double) v.sync[1] / v.syncReports, v.syncSeconds,
                        v.latencies[v.latencies.length / 2], v.latencies[v.latencies.length - 1]);
                System.out.printf("    (%s idle: Kafka %d / %d B, registry HTTP %d / %d B over %d min; sync: Kafka "
                        + "%d / %d B, registry HTTP %d / %d B)%n", v.name, v.idle[2], v.idle[3], v.idle[4], v.idle[5],
                        idleMinutes, v.sync[2], v.sync[3], v.sync[4], v.sync[5]);
            }
        } finally {
            for (Variant v : variants) {
                if (v.service != null) {
                    AgentProcess.stop(v.service);
                }
            }
            reactor.close();
            broker.close();
        }
        System.exit(0);
    }

    /** One packaged agent with its region, proxies and data. */
    static final class Variant {
        final String name;
        final Path jar;
        final String region;
        final int listenerPort;
        final int proxyPort;
        Counter kafka;
        Counter http;
        AgentProcess agent;
        Process service;
        long[] marked = new long[4];
        long[] idle;
        long[] sync;
        double syncSeconds;
        long syncReports;
        long[] latencies;

        Variant(String name, Path jar, String region, int listenerPort, int proxyPort) {
            this.name = name;
            this.jar = jar;
            this.region = region;
            this.listenerPort = listenerPort;
            this.proxyPort = proxyPort;
        }

        void mark() {
            marked = new long[] {kafka.sent(), kafka.received(), http.sent(), http.received()};
        }

        /** Sent and received since the mark: total, total, Kafka, Kafka, HTTP, HTTP. */
        long[] sinceMark() {
            long ks = kafka.sent() - marked[0];
            long kr = kafka.received() - marked[1];
            long hs = http.sent() - marked[2];
            long hr = http.received() - marked[3];
            return new long[] {ks + hs, kr + hr, ks, kr, hs, hr};
        }

        /** The agent jar of this variant (not AgentProcess.JAR): same JVM defaults and configuration. */
        List<String> command(String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(AgentProcess.JVM_DEFAULTS);
            command.addAll(List.of("-jar", jar.toString(), "--config",
                    agent.database().getParent().getParent().resolve("poa-agent.properties").toString()));
            command.addAll(Arrays.asList(args));
            return command;
        }

        void run(String... args) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(name + ": " + List.of(args) + " failed");
            }
        }

        Process start(String... args) throws IOException {
            Path dir = agent.database().getParent().getParent();
            return new ProcessBuilder(command(args)).redirectOutput(dir.resolve("agente.out").toFile())
                    .redirectError(dir.resolve("agente.err").toFile()).start();
        }

        /** Waits until {@code count} reports are accepted; returns how many there are. */
        long awaitAllAccepted(long count, Duration max) throws Exception {
            long deadline = System.currentTimeMillis() + max.toMillis();
            while (System.currentTimeMillis() < deadline) {
                Map<String, Long> states = AgentITSupport.countByState(agent.database());
                long accepted = states.getOrDefault("ACEPTADO", 0L);
                if (accepted >= count) {
                    return accepted;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException(name + ": not all " + count + " reports accepted: "
                    + AgentITSupport.countByState(agent.database()));
        }
    }

    /** A TCP proxy counting every byte that passes, over connections closed and open. */
    static final class Counter {
        final int port;
        final TcpCrusher crusher;
        final AtomicLong closedSent = new AtomicLong();
        final AtomicLong closedReceived = new AtomicLong();

        Counter(NioReactor reactor, int port, int target) {
            this.port = port;
            this.crusher = TcpCrusherBuilder.builder().withReactor(reactor).withBindAddress("127.0.0.1", port)
                    .withConnectAddress("127.0.0.1", target)
                    .withDeletionListener((InetSocketAddress client, org.netcrusher.core.meter.RateMeters meters) -> {
                        closedSent.addAndGet(meters.getSentMeter().getTotalCount());
                        closedReceived.addAndGet(meters.getReadMeter().getTotalCount());
                    }).buildAndOpen();
        }

        /**
         * Bytes the agent sent. netcrusher's per-client meters are (bytes its client-side channel sent, i.e. what
         * the agent received; bytes its server-side channel sent, i.e. what the agent sent) — checked against an
         * HTTP schema lookup, whose response is the larger part.
         */
        long sent() {
            long open = 0;
            for (InetSocketAddress client : crusher.getClientAddresses()) {
                var meters = crusher.getClientByteMeters(client);
                open += meters == null ? 0 : meters.getSentMeter().getTotalCount();
            }
            return closedSent.get() + open;
        }

        long received() {
            long open = 0;
            for (InetSocketAddress client : crusher.getClientAddresses()) {
                var meters = crusher.getClientByteMeters(client);
                open += meters == null ? 0 : meters.getReadMeter().getTotalCount();
            }
            return closedReceived.get() + open;
        }
    }

    /** The hub's part, simplified: every report gets an ACCEPTED outcome at once; when each was sent is kept. */
    static final class SimulatedHub implements Runnable, AutoCloseable {
        final KafkaConsumer<String, SpecificRecord> consumer;
        final KafkaProducer<String, ReportOutcome> producer;
        final Map<UUID, Long> outcomeSentAt = new ConcurrentHashMap<>();
        volatile boolean running = true;

        SimulatedHub(String bootstrap, String registryUrl) {
            AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>();
            deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "simulated-hub", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest", ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000), new StringDeserializer(),
                    deserializer);
            AvroWireSerializer<ReportOutcome> serializer = new AvroWireSerializer<>();
            serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    SerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), serializer);
        }

        @Override
        public void run() {
            consumer.subscribe(Pattern.compile("poa\\..*\\.(progress|expenditure)"));
            while (running) {
                for (ConsumerRecord<String, SpecificRecord> r : consumer.poll(Duration.ofMillis(200))) {
                    UUID id;
                    String region;
                    ReportKind kind;
                    if (r.value() instanceof ProgressReport p) {
                        id = p.getMessageId();
                        region = p.getRegionCode();
                        kind = ReportKind.PROGRESS;
                    } else {
                        ExpenditureReport e = (ExpenditureReport) r.value();
                        id = e.getMessageId();
                        region = e.getRegionCode();
                        kind = ReportKind.EXPENDITURE;
                    }
                    ReportOutcome outcome = ReportOutcome.newBuilder().setMessageId(id).setRegionCode(region)
                            .setReportKind(kind).setStatus(OutcomeStatus.ACCEPTED).setFindings(List.of())
                            .setProcessedAt(Instant.now()).build();
                    producer.send(new ProducerRecord<>(Topics.outcomes(region), r.key(), outcome),
                            (m, e) -> outcomeSentAt.put(id, System.currentTimeMillis()));
                }
                producer.flush();
                consumer.commitSync();
            }
        }

        /** Milliseconds from the hub's outcome being written to the agent storing it, sorted. */
        long[] latencies(Path database) throws Exception {
            List<Long> delays = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT message_id, received_at FROM outcome")) {
                while (rs.next()) {
                    Long sent = outcomeSentAt.get(UUID.fromString(rs.getString(1)));
                    if (sent != null) {
                        delays.add(Math.max(0, rs.getLong(2) - sent));
                    }
                }
            }
            return delays.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        void stop() {
            running = false;
        }

        @Override
        public void close() {
            running = false;
            consumer.close();
            producer.close();
        }
    }

    static void publishPlans(String bootstrap, String registryUrl, List<Variant> variants) {
        AvroWireSerializer<PlanSnapshot> serializer = new AvroWireSerializer<>();
        serializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, SerdeConfig.AUTO_REGISTER_SCHEMAS,
                false), false);
        try (KafkaProducer<String, PlanSnapshot> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), serializer)) {
            for (Variant v : variants) {
                PlanOperation operation = PlanOperation.newBuilder().setCode("99.01.01").setName("Operación nueva")
                        .setExpectedResult("").setIndicator("").setTargetKind(PlanTargetKind.COUNT)
                        .setTargetValue(new java.math.BigDecimal("10.0000")).setMeansOfVerification("")
                        .setResponsibleUnit("SENAVEX").setStartDate(LocalDate.of(2020, 1, 2))
                        .setEndDate(LocalDate.of(2020, 12, 31)).setBudgetLines(List.of(PlanBudgetLine.newBuilder()
                                .setObjectCode("20000").setAmounts(List.of(new java.math.BigDecimal("1000.00")))
                                .build())).build();
                producer.send(new ProducerRecord<>(Topics.PLAN, v.region, PlanSnapshot.newBuilder()
                        .setRegionCode(v.region).setFiscalYear(2019).setPlanVersion(1).setEntityCode("41")
                        .setEntityAcronym("SENAVEX").setPublishedAt(Instant.now()).setFundingColumns(List.of("Columna 1"))
                        .setActions(List.of()).setOperations(List.of(operation)).setExpenditureGroups(List.of())
                        .build()));
            }
            producer.flush();
        }
    }

    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
