package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.routes.ingest.BeforeOffsetCommit;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two hubs in one consumer group on one database: both get partitions, the second joins while reports are flowing
 * (a rebalance mid-stream), and the totals are exactly those of the reports sent: nothing counted twice, nothing
 * missing. A broker of the test's own keeps other tests' reports out of the totals.
 */
class TwoHubsIngestIT {

    private static final List<String> REGIONS = List.of("BO-B", "BO-C", "BO-H", "BO-L", "BO-N", "BO-O", "BO-P", "BO-S", "BO-T");
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** several consumers per hub, as by default: batches of one hub also run concurrently */
    private static final int CONSUMERS_PER_HUB = 3;
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    private KraftBroker broker;
    private TestHub first;
    private TestHub second;
    private IngestTestClient client;

    /** Counts, per hub, the reports of the batches it committed. */
    static final class Committed implements BeforeOffsetCommit {
        final AtomicInteger outcomes = new AtomicInteger();

        @Override
        public void run(org.poahub.routes.ingest.IngestBatchResult result) {
            outcomes.addAndGet(result.outcomes().size());
        }
    }

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        for (TestHub hub : new TestHub[] {second, first}) {
            if (hub != null) {
                hub.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void twoHubsInOneGroupShareThePartitionsAndCountEveryReportExactlyOnce() throws Exception {
        broker = KraftBroker.builder(dir.resolve("kafka")).start();
        TestDatabase db = TestPostgres.freshDatabase();
        String group = "poa-hub-" + UUID.randomUUID();
        Map<String, String> properties = Map.of("poa.ingest.group-id", group,
                "poa.ingest.topic-partitions", String.valueOf(PARTITIONS), "poa.ingest.max-poll-records", "50",
                "poa.ingest.consumers", String.valueOf(CONSUMERS_PER_HUB));
        Committed byFirst = new Committed();
        Committed bySecond = new Committed();
        first = TestHub.start(db.jdbcUrl(), db.user(), db.password(), broker.bootstrapServers(), properties,
                Map.of("countingCommits", byFirst));
        client = first.client(broker.bootstrapServers());

        Sent sent = new Sent();
        sendRound(sent, 1);
        await().atMost(WAIT).until(() -> byFirst.outcomes.get() > 0);
        // The second hub joins while the rounds keep coming: the partitions are rebalanced mid-stream.
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int round = 2; round <= 8; round++) {
                sendRound(sent, round);
            }
        });
        second = TestHub.start(db.jdbcUrl(), db.user(), db.password(), broker.bootstrapServers(), properties,
                Map.of("countingCommits", bySecond));
        sender.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // every consumer of both hubs has partitions, so both hubs do
        await().atMost(WAIT).untilAsserted(() -> assertThat(assignments(group)).hasSize(2 * CONSUMERS_PER_HUB)
                .allSatisfy((member, partitions) -> assertThat(partitions).isNotEmpty()));
        for (int round = 9; round <= 12; round++) {
            sendRound(sent, round);
        }

        JdbcClient jdbc = first.jdbc();
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from report").query(Long.class).single()
                == sent.messageIds.size());
        // A hub counts a batch after its database commit and its outcomes are sent: the rows can be visible first.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(byFirst.outcomes.get()).as("the first hub committed reports").isPositive();
            assertThat(bySecond.outcomes.get()).as("the second hub committed reports").isPositive();
        });
        assertThat(jdbc.sql("select count(*) from report where status <> 'ACCEPTED'").query(Long.class).single()).isZero();
        assertThat(new HashSet<>(jdbc.sql("select message_id from report").query(UUID.class).list()))
                .isEqualTo(sent.messageIds);
        for (String region : REGIONS) {
            Map<String, Object> spend = jdbc.sql("""
                    select spent, reports from consolidated_spend
                    where fiscal_year = 2020 and operation_code = '11.04.02' and region_code = ? and object_group = '20000'""")
                    .param(region).query().singleRow();
            assertThat((BigDecimal) spend.get("spent")).as(region).isEqualByComparingTo(sent.spend(region));
            assertThat(((Number) spend.get("reports")).intValue()).as(region).isEqualTo(sent.expenditures(region));
            Map<String, Object> progress = jdbc.sql("""
                    select cumulative_value, reports from consolidated_progress
                    where fiscal_year = 2020 and operation_code = '11.04.02' and region_code = ?""")
                    .param(region).query().singleRow();
            assertThat((BigDecimal) progress.get("cumulative_value")).as(region).isEqualByComparingTo("12");
            assertThat(((Number) progress.get("reports")).intValue()).as(region).isEqualTo(12);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(REGIONS.stream()
                .flatMap(region -> client.outcomes(region).stream()).map(ReportOutcome::getMessageId)
                .collect(Collectors.toSet())).isEqualTo(sent.messageIds));
        assertThat(REGIONS.stream().flatMap(region -> client.outcomes(region).stream()))
                .extracting(ReportOutcome::getStatus).containsOnly(OutcomeStatus.ACCEPTED);
    }

    /** What was sent, to compute the totals one hub would reach. */
    static final class Sent {
        final Set<UUID> messageIds = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> expenditures = new ConcurrentHashMap<>();

        int expenditures(String region) {
            return expenditures.get(region).get();
        }

        BigDecimal spend(String region) {
            return BigDecimal.valueOf(expenditures(region)).multiply(new BigDecimal("2.50"));
        }
    }

    /**
     * One round: per region, a progress report (cumulative value = round, one partition so in order) and one
     * expenditure of 2.50 on each partition of its topic.
     */
    private void sendRound(Sent sent, int round) {
        for (String region : REGIONS) {
            String agent = "two-hubs-" + region;
            ProgressReport progress = IngestTestClient.progress(region, agent, round * 10L, String.valueOf(round))
                    .setPeriodStart(java.time.LocalDate.of(2020, 3, 1))
                    .setPeriodEnd(java.time.LocalDate.of(2020, 3, 1).plusDays(round)).build();
            client.send(progress);
            sent.messageIds.add(progress.getMessageId());
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ExpenditureReport spend = IngestTestClient.expenditure(region, agent, round * 10L + 1 + partition,
                        "25220", "2.50").build();
                client.send(spend, partition);
                sent.messageIds.add(spend.getMessageId());
                sent.expenditures.computeIfAbsent(region, r -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private Map<String, Set<TopicPartition>> assignments(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members()
                    .stream().collect(Collectors.toMap(MemberDescription::consumerId,
                            m -> m.assignment().topicPartitions()));
        }
    }
}
