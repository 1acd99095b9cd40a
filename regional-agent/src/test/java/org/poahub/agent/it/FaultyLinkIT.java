package org.poahub.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.core.throttle.ThrottlerFactory;
import org.netcrusher.core.throttle.rate.ByteRateThrottler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.poahub.testkit.KraftBroker;

/**
 * A fault-injecting TCP proxy between the agent and its own broker (which advertises the proxy's port): the link
 * freezes, closes, reopens and slows down during a sync; every report arrives without operator action and none
 * twice after de-duplication by message id.
 */
class FaultyLinkIT {

    static final String REGION = "BO-S";
    static final int REPORTS = 4_000;

    @TempDir
    Path dir;

    /** Slows the link only while {@code slow} is set; a rate throttler per connection. */
    static final class SwitchableSlowness implements ThrottlerFactory {
        volatile boolean slow;

        @Override
        public Throttler allocate(java.net.InetSocketAddress address) {
            ByteRateThrottler rate = new ByteRateThrottler(20_000, 1, TimeUnit.SECONDS);
            return buffer -> slow ? rate.calculateDelayNs(buffer) : Throttler.NO_DELAY_NS;
        }
    }

    @Test
    void reportsArriveOnceTheLinkReturns() throws Exception {
        int brokerPort = freePort();
        int proxyPort = freePort();
        SwitchableSlowness slowness = new SwitchableSlowness();
        NioReactor reactor = new NioReactor();
        TcpCrusher proxy = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", proxyPort).withConnectAddress("127.0.0.1", brokerPort)
                .withIncomingThrottlerFactory(slowness).withOutgoingThrottlerFactory(slowness).buildAndOpen();
        try (KraftBroker broker = KraftBroker.builder(dir.resolve("broker")).port(brokerPort)
                     .advertisedPort(proxyPort).maxHeap("384m").start();
             TestRegistryServer registry = new TestRegistryServer()) {
            String bootstrap = broker.bootstrapServers();
            AgentITSupport.createTopics(bootstrap, REGION);
            AgentITSupport.registerSchemas(registry, REGION);
            Properties small = new Properties();
            small.setProperty("sync.page-size", "100");
            AgentProcess agent = new AgentProcess(dir.resolve("agente"), REGION, bootstrap, registry.url(), small);
            assertThat(agent.run("simular", "--cantidad", Integer.toString(REPORTS), "--invalidos", "0").exitCode())
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

                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                        .until(() -> AgentITSupport.countByState(agent.database()).getOrDefault("PENDIENTE", 0L) == 0);
            } finally {
                AgentProcess.stop(running);
            }
            Map<UUID, BigDecimal> outbox = AgentITSupport.outbox(agent.database());
            List<SpecificRecord> onTopics = AgentITSupport.readReports(bootstrap, registry.url(), REGION);
            Map<UUID, SpecificRecord> distinct = AgentITSupport.distinct(onTopics);
            assertThat(distinct.keySet()).isEqualTo(outbox.keySet());
            assertThat(AgentITSupport.sum(distinct.values()))
                    .isEqualByComparingTo(outbox.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        } finally {
            proxy.close();
            reactor.close();
        }
    }

    private static void awaitSent(AgentProcess agent, long atLeast) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> sent(agent) >= atLeast);
    }

    /** Lets time pass while a fault is in place (Awaitility, not a sleep: it only checks after the delay). */
    private static void holdFor(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }

    private static long sent(AgentProcess agent) throws Exception {
        Map<String, Long> counts = AgentITSupport.countByState(agent.database());
        return counts.values().stream().mapToLong(Long::longValue).sum() - counts.getOrDefault("PENDIENTE", 0L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
