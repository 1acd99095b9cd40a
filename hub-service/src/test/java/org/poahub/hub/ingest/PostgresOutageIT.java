package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.testkit.EmbeddedPostgresServer;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL taken away under a hub while valid reports keep coming: none is rejected, none is lost, each is
 * counted once after it returns. The hub, its PostgreSQL and its broker are the test's own, so the outage touches
 * nothing else and the totals hold only this stream.
 */
class PostgresOutageIT {

    private static final List<String> REGIONS = List.of("BO-L", "BO-C", "BO-S");
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private KraftBroker broker;
    private final AtomicReference<EmbeddedPostgresServer> postgres = new AtomicReference<>();
    private TestHub hub;
    private IngestTestClient client;
    private ReportStream stream;
    private final ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void ownServers() {
        broker = KraftBroker.builder(dir.resolve("kafka")).start();
        postgres.set(TestPostgres.ownServer(dir.resolve("pg")));
        postgres.get().ensureDatabase("poa");
    }

    @AfterEach
    void stopAll() throws Exception {
        outage.shutdownNow();
        if (stream != null) {
            stream.close();
        }
        if (client != null) {
            client.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (postgres.get().isRunning()) {
            postgres.get().close();
        }
        broker.close();
    }

    @Test
    void postgresDownThirtySecondsDuringAStreamLosesAndRejectsNothingAndCountsEachReportOnce() throws Exception {
        startHub(Map.of());

        takePostgresAwayDuringTheStream(Duration.ofSeconds(30));

        assertEveryReportCountedOnceAndNoneRejected();
    }

    @Test
    void anOutageLongerThanMaxPollIntervalEvictsTheConsumerAndTheRedeliveryCountsNothingTwice() throws Exception {
        String group = "poa-hub-" + UUID.randomUUID();
        // one consumer: the member that held the stalled batch is the whole group before the outage
        startHub(Map.of("poa.ingest.group-id", group, "poa.ingest.max-poll-interval-ms", "10000",
                "poa.ingest.consumers", "1"));
        await().atMost(WAIT).until(() -> !members(group).isEmpty());
        Set<String> membersBefore = members(group);

        takePostgresAwayDuringTheStream(Duration.ofSeconds(20));

        assertEveryReportCountedOnceAndNoneRejected();
        await().atMost(WAIT).until(() -> !members(group).isEmpty());
        assertThat(members(group)).as("the consumer left the group and joined it again").doesNotContainAnyElementsOf(membersBefore);
        assertThat(outcomesOfTheStream()).as("the batch held during the outage was delivered again")
                .anySatisfy((id, outcomes) -> assertThat(outcomes).hasSizeGreaterThan(1));
    }

    private void startHub(Map<String, String> extra) {
        EmbeddedPostgresServer pg = postgres.get();
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "poa.ingest.retry-delay-ms", "200",
                "poa.ingest.max-retry-delay-ms", "2000",
                "spring.datasource.hikari.connection-timeout", "2000"));
        properties.putAll(extra);
        hub = TestHub.start(pg.jdbcUrl("poa"), pg.user(), pg.password(), broker.bootstrapServers(), properties);
        client = hub.client(broker.bootstrapServers());
        stream = new ReportStream(client, REGIONS);
    }

    private void takePostgresAwayDuringTheStream(Duration down) throws Exception {
        JdbcClient jdbc = hub.jdbc();
        stream.start(10);
        await().atMost(WAIT).until(() -> counted(jdbc) >= 20);

        postgres.get().close();
        int sentWhenStopped = stream.sent();
        var restarted = outage.schedule(() -> postgres.set(postgres.get().restart()), down.toMillis(),
                TimeUnit.MILLISECONDS);
        await().atMost(down.plus(WAIT)).until(restarted::isDone);
        restarted.get();
        assertThat(stream.sent() - sentWhenStopped).as("reports kept coming while PostgreSQL was down")
                .isGreaterThan(50);

        int sentWhenBack = stream.sent();
        await().atMost(WAIT).until(() -> stream.sent() >= sentWhenBack + 20);
        stream.stop();
    }

    private void assertEveryReportCountedOnceAndNoneRejected() {
        JdbcClient jdbc = hub.jdbc();
        await().atMost(WAIT).until(() -> counted(jdbc) == stream.sent());

        assertThat(jdbc.sql("select count(*) from report where status <> 'ACCEPTED'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from rejected_report").query(Long.class).single()).isZero();
        assertThat(new HashSet<>(jdbc.sql("select message_id from report").query(UUID.class).list()))
                .isEqualTo(stream.messageIds());
        for (String region : REGIONS) {
            Map<String, Object> spend = jdbc.sql("""
                    select spent, reports from consolidated_spend
                    where fiscal_year = 2020 and operation_code = '11.04.02' and region_code = ? and object_group = '20000'""")
                    .param(region).query().singleRow();
            assertThat((java.math.BigDecimal) spend.get("spent")).as(region).isEqualByComparingTo(stream.expectedSpend(region));
            assertThat(((Number) spend.get("reports")).intValue()).as(region).isEqualTo(stream.sent(region));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomesOfTheStream().keySet()).isEqualTo(stream.messageIds()));
        assertThat(outcomesOfTheStream().values()).allSatisfy(outcomes ->
                assertThat(outcomes).extracting(ReportOutcome::getStatus).containsOnly(OutcomeStatus.ACCEPTED));
        assertThat(client.deadLetters()).isEmpty();
    }

    private static long counted(JdbcClient jdbc) {
        try {
            return jdbc.sql("select count(*) from report").query(Long.class).single();
        } catch (RuntimeException e) {
            return -1; // PostgreSQL is not back yet
        }
    }

    private Map<UUID, List<ReportOutcome>> outcomesOfTheStream() {
        return REGIONS.stream().flatMap(region -> client.outcomes(region).stream())
                .collect(Collectors.groupingBy(ReportOutcome::getMessageId));
    }

    private Set<String> members(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members()
                    .stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
        }
    }
}
