package org.poahub.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.core.throttle.ThrottlerFactory;
import org.netcrusher.core.throttle.rate.ByteRateThrottler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.poahub.agent.dropfolder.ReportImporter;
import org.poahub.agent.it.AgentITSupport;
import org.poahub.agent.it.AgentProcess;
import org.poahub.rules.RuleCodes;

/**
 * The agent's delivery guarantees against the real broker and the real hub, compared in the hub's PostgreSQL: the
 * packaged agent jar runs in child JVMs (as a regional office runs it); one hub and one broker serve every test of
 * the class, each test on its own region. Agents reach the broker through a fault-injecting TCP proxy (netcrusher)
 * where the test needs one; the hub's own link to the broker stays clean.
 */
class AgentToHubIT {

    /** Generous: the machine running the suite may be loaded many times over; a quiet one needs a fraction. */
    private static final Duration LONG = Duration.ofMinutes(15);

    @TempDir
    static Path shared;

    static NioReactor reactor;
    static TcpCrusher proxy;
    static SwitchableSlowness slowness = new SwitchableSlowness();
    static int proxyPort;
    static HubUnderTest hub;

    @TempDir
    Path dir;

    /** Slows the link only while {@code slow} is set; a rate throttler per connection. */
    static final class SwitchableSlowness implements ThrottlerFactory {
        volatile boolean slow;

        @Override
        public Throttler allocate(InetSocketAddress address) {
            ByteRateThrottler rate = new ByteRateThrottler(20_000, 1, TimeUnit.SECONDS);
            return buffer -> slow ? rate.calculateDelayNs(buffer) : Throttler.NO_DELAY_NS;
        }
    }

    @BeforeAll
    static void startHubBrokerAndProxy() throws IOException {
        proxyPort = HubUnderTest.freePort();
        hub = HubUnderTest.start(shared, proxyPort);
        reactor = new NioReactor();
        proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", proxyPort).withConnectAddress("127.0.0.1", hub.agentListenerPort())
                .withIncomingThrottlerFactory(slowness).withOutgoingThrottlerFactory(slowness).buildAndOpen();
    }

    @AfterAll
    static void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        if (reactor != null) {
            reactor.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** Every test starts with a healthy link. */
    @AfterEach
    void healLink() {
        slowness.slow = false;
        if (!proxy.isOpen()) {
            proxy.open();
        }
        if (proxy.isFrozen()) {
            proxy.unfreeze();
        }
    }

    @Test
    void killedAtRandomPointsDuringASyncOf10000ReportsEveryReportEndsInTheHubExactlyOnce() throws Exception {
        String region = "BO-L";
        int reports = 10_000;
        int kills = 6;
        AgentProcess agent = agent(dir, region, hub.directBootstrap(), "agente-bo-l", "200");
        AgentProcess.Output simulated = agent.run("simular", "--cantidad", Integer.toString(reports),
                "--invalidos", "0");
        assertThat(simulated.exitCode()).as(simulated.stderr()).isZero();

        Random random = new Random(42);
        long sentBefore = 0;
        for (int kill = 0; kill < kills; kill++) {
            long threshold = sentBefore + 200 + random.nextInt(reports / (kills + 2));
            Process running = agent.start("ejecutar", "--sin-carpeta");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> sent(agent) >= threshold || !running.isAlive());
            AgentProcess.kill(running);
            sentBefore = sent(agent);
        }
        Process last = agent.start("ejecutar", "--sin-carpeta");
        try {
            awaitAllOutcomes(agent, region);
        } finally {
            AgentProcess.stop(last);
        }

        AgentOutbox outbox = AgentOutbox.read(agent.database());
        assertThat(outbox.rows()).hasSize(reports);
        assertTheHubHoldsExactly(region, outbox);
    }

    @Test
    void throughAFreezingClosingAndSlowLinkEveryReportArrivesAndNoneTwice() throws Exception {
        String region = "BO-S";
        int reports = 4_000;
        AgentProcess agent = agent(dir, region, proxyBootstrap(), "agente-bo-s", "100");
        assertThat(agent.run("simular", "--cantidad", Integer.toString(reports), "--invalidos", "0").exitCode())
                .isZero();
        Process running = agent.start("ejecutar", "--sin-carpeta");
        try {
            awaitSent(agent, 300);
            proxy.freeze();
            long frozenAt = sent(agent);
            holdFor(Duration.ofSeconds(4));
            assertThat(sent(agent)).as("nothing is acknowledged through a frozen link")
                    .isLessThanOrEqualTo(frozenAt + 2L * 100);
            proxy.unfreeze();

            awaitSent(agent, 1_200);
            proxy.close();
            holdFor(Duration.ofSeconds(4));
            proxy.open();

            awaitSent(agent, 2_000);
            slowness.slow = true;
            awaitSent(agent, 2_300);
            slowness.slow = false;
            proxy.closeAllPairs();

            awaitAllOutcomes(agent, region);
        } finally {
            AgentProcess.stop(running);
        }
        AgentOutbox outbox = AgentOutbox.read(agent.database());
        assertThat(outbox.rows()).hasSize(reports);
        assertTheHubHoldsExactly(region, outbox);
    }

    @Test
    void savedOfflineSentWhenTheBrokerAppearsAndTheHubsVerdictsListedInSpanish() throws Exception {
        String region = "BO-C";
        proxy.close(); // no broker reachable from the regional office
        // two PCs of one regional office, each validating only against its own history
        AgentProcess first = agent(dir.resolve("pc-1"), region, proxyBootstrap(), "agente-bo-c-1", "500");
        AgentProcess second = agent(dir.resolve("pc-2"), region, proxyBootstrap(), "agente-bo-c-2", "500");

        assertSaved(first.run("avance", "--operacion", "11.04.02", "--desde", "2020-03-01", "--hasta", "2020-03-31",
                "--valor", "4", "--porcentaje", "30", "--responsable", "Ana Quispe"));
        assertSaved(first.run("gasto", "--operacion", "11.04.02", "--partida", "25220", "--monto", "1250.50",
                "--fecha", "2020-03-15", "--comprobante", "CBTE-153"));
        AgentProcess.Output unknown = first.run("avance", "--operacion", "99.01.01", "--desde", "2020-03-01",
                "--hasta", "2020-03-31", "--valor", "1", "--responsable", "Ana Quispe");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("NO se guardó").contains(RuleCodes.OPERATION_UNKNOWN)
                .contains("La operación '99.01.01' no existe en el POA de la gestión 2020");
        // behind what the other PC reported: fine locally, rejected by the hub, which sees the whole region
        assertSaved(second.run("avance", "--operacion", "11.04.02", "--desde", "2020-04-01", "--hasta",
                "2020-04-30", "--valor", "2", "--responsable", "Luis Mamani"));
        assertThat(first.run("estado").stdout()).contains("Pendientes de envío: 2")
                .contains("Último contacto con el servidor: nunca");

        Process firstService = first.start("ejecutar", "--sin-carpeta");
        Process secondService = null;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> first.run("estado").stdout().contains("Sin conexión"));
            assertThat(hub.figures().reportRows(region)).isZero();

            proxy.open(); // the broker appears
            awaitAllOutcomes(first, region);
            assertThat(hub.figures().reportRows(region)).isEqualTo(2);
            assertThat(hub.figures().cumulativeProgress(region)).containsEntry("11.04.02", new BigDecimal("4"));
            assertThat(hub.figures().consolidatedSpend(region))
                    .isEqualTo(new HubFigures.Spend(new BigDecimal("1250.50"), 1));
            assertThat(first.run("listar").stdout()).contains("aceptado").doesNotContain("rechazado");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> first.run("estado").stdout().contains("Plan en caché: servidor-v1"));

            secondService = second.start("ejecutar", "--sin-carpeta");
            awaitAllOutcomes(second, region);
        } finally {
            AgentProcess.stop(firstService);
            if (secondService != null) {
                AgentProcess.stop(secondService);
            }
        }
        AgentOutbox behind = AgentOutbox.read(second.database());
        HubFigures.Rejection rejection = hub.figures().rejection(behind.rows().get(0).messageId());
        assertThat(rejection.code()).isEqualTo(RuleCodes.PROGRESS_BACKWARDS);
        String reason = "El avance acumulado no puede retroceder: antes se informó 4 y ahora 2.";
        assertThat(rejection.message()).startsWith(reason);
        AgentProcess.Output rejected = second.run("listar", "--rechazados");
        assertThat(rejected.stdout()).contains("rechazado").contains(RuleCodes.PROGRESS_BACKWARDS).contains(reason);
        assertThat(hub.figures().cumulativeProgress(region)).containsEntry("11.04.02", new BigDecimal("4"));
    }

    @Test
    void anAmbiguousAmountIsRefusedAndWithEsBoDeclaredArrivesAtTheHubAsTwelveThousandFiveHundred() throws Exception {
        String region = "BO-O";
        AgentProcess agent = agent(dir.resolve("pc"), region, hub.directBootstrap(), "agente-bo-o", "100");
        Path file = Files.writeString(dir.resolve("gastos de marzo.csv"), String.join(";", ReportImporter.COLUMNS)
                + "\ngasto;2020;11.04.02;;;;;;;;25220;Columna 1;12.500;15/03/2020;CBTE-12500;Pasajes\n",
                StandardCharsets.UTF_8);

        AgentProcess.Output refused = agent.run("importar", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Fila 2, columna 'monto': '12.500' es ambiguo: puede ser 12500 (punto "
                + "como separador de miles) o 12.5 (punto decimal)");
        assertThat(AgentITSupport.countByState(agent.database())).isEmpty();

        AgentProcess.Output imported = agent.run("importar", "--formato-numeros", "es-BO", file.toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
        Process service = agent.start("ejecutar", "--sin-carpeta");
        try {
            awaitAllOutcomes(agent, region);
        } finally {
            AgentProcess.stop(service);
        }
        assertThat(hub.figures().consolidatedSpend(region))
                .isEqualTo(new HubFigures.Spend(new BigDecimal("12500.00"), 1));
        assertThat(hub.figures().statuses(region)).doesNotContainKey("REJECTED");
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * Every outbox report is a report row in the hub with its value, and no other row exists for the region (the
     * message id is the primary key: a resend cannot make a second row); consolidated spend and progress equal what
     * the outbox holds; every report got its outcome back to the agent.
     */
    private static void assertTheHubHoldsExactly(String region, AgentOutbox outbox) {
        HubFigures figures = hub.figures();
        assertThat(figures.reportRows(region)).isEqualTo(outbox.rows().size());
        assertThat(figures.reports(region)).isEqualTo(outbox.values());
        assertThat(figures.statuses(region)).doesNotContainKey("REJECTED");
        assertThat(figures.outcomes(region)).isEqualTo(outbox.rows().size());
        HubFigures.Spend spend = figures.consolidatedSpend(region);
        assertThat(spend.reports()).isEqualTo(outbox.expenditureCount());
        assertThat(spend.spent()).isEqualByComparingTo(outbox.expenditureSum());
        assertThat(figures.progressReports(region)).isEqualTo(outbox.progressReports());
        assertThat(figures.cumulativeProgress(region)).isEqualTo(outbox.latestProgress());
        System.out.printf("%s: %d reports in the hub, %.0f reports/s stored%n", region, outbox.rows().size(),
                figures.ingestRate(region));
    }

    // ---------------------------------------------------------------- agents

    private static AgentProcess agent(Path dir, String region, String bootstrap, String agentId, String pageSize)
            throws IOException {
        Properties settings = new Properties();
        settings.setProperty("agent.id", agentId);
        settings.setProperty("registry.user", HubUnderTest.AGENT_USER);
        settings.setProperty("registry.password", HubUnderTest.AGENT_PASSWORD);
        settings.setProperty("sync.page-size", pageSize);
        return new AgentProcess(dir, region, bootstrap, hub.registryUrl(), settings);
    }

    private static String proxyBootstrap() {
        return "127.0.0.1:" + proxyPort;
    }

    private static void assertSaved(AgentProcess.Output output) {
        assertThat(output.exitCode()).as(output.stderr()).isZero();
        assertThat(output.stdout()).contains("guardado");
    }

    /** Reports the agent no longer holds as pending (sent, or already answered by the hub). */
    private static long sent(AgentProcess agent) throws Exception {
        Map<String, Long> counts = AgentITSupport.countByState(agent.database());
        return counts.values().stream().mapToLong(Long::longValue).sum() - counts.getOrDefault("PENDIENTE", 0L);
    }

    private static void awaitSent(AgentProcess agent, long atLeast) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> sent(agent) >= atLeast);
    }

    /** Until nothing is pending or sent without the hub's answer: every report has its outcome at the agent. */
    private static void awaitAllOutcomes(AgentProcess agent, String region) {
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> counts = AgentITSupport.countByState(agent.database());
            assertThat(counts.getOrDefault("PENDIENTE", 0L) + counts.getOrDefault("ENVIADO", 0L))
                    .as("reports without the hub's answer at the agent (outbox %s, report rows in the hub %d)", counts,
                            hub.figures().reportRows(region))
                    .isZero();
        });
    }

    /** Lets time pass while a fault is in place (Awaitility, not a sleep: it only checks after the delay). */
    private static void holdFor(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }
}
