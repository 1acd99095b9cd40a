package org.poahub.benchmarks.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.poahub.contract.Topics;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;

/**
 * Brings a hub's database to N reports the way production does: generated reports ({@link ReportGenerator}) from
 * {@code agentsPerRegion} agents in every region are put on the regional topics, the hub's ingest drains them, then
 * {@code vacuum analyze} (what autovacuum does some time after a bulk load; timing before it would measure the load).
 * The read-side benchmarks start from here.
 */
final class PreloadedHub {

    static final int FISCAL_YEAR = 2020;
    private static final Duration DRAIN_TIMEOUT = Duration.ofHours(2);

    private PreloadedHub() {
    }

    static void preload(HubUnderTest hub, TestDatabase database, int reports, int agentsPerRegion,
                        Consumer<String> log) throws Exception {
        List<String> regions = Topics.REGION_CODES.stream().sorted().toList();
        List<String> topics = regions.stream()
                .flatMap(r -> java.util.stream.Stream.of(Topics.progress(r), Topics.expenditure(r))).toList();
        ReportGenerator generator = new ReportGenerator(hub.plan(FISCAL_YEAR), regions, agentsPerRegion, 1.0,
                20200101L);
        try (ReportProducer producer = new ReportProducer(TestKafka.bootstrapServers(), hub.registryUrl(),
                hub.registryUserInfo())) {
            log.accept(String.format("preloading %,d reports from %d agents", reports,
                    agentsPerRegion * regions.size()));
            producer.preload(generator, reports, sent -> log.accept(String.format("  %,d sent", sent)));
        }
        try (Admin admin = TestKafka.admin()) {
            TopicTotals totals = new TopicTotals(admin, topics);
            hub.startIngest();
            new ReportRows(database).await(reports, DRAIN_TIMEOUT, () -> totals.committedTotal(hub.groupId()),
                    done -> log.accept(String.format("  hub: %,d rows", done)));
            hub.stopIngest();
        }
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement st = c.createStatement()) {
            st.execute("vacuum analyze");
        }
    }
}
