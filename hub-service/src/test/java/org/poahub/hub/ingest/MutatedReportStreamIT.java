package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.routes.ingest.ReportIngestRoute;
import org.poahub.testkit.KraftBroker;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 mutated reports ({@link ReportMutator}) on the regional topics against a running hub, after 200 valid
 * ones: every record is either accepted exactly as sent or kept with its reason (a rejected report with findings, or a
 * {@code rejected_report} row for what could not be decoded), or is the redelivery of a report already recorded; the
 * hub never stops consuming; no report accepted earlier changes; and the consolidated figures equal what the accepted
 * reports say.
 */
class MutatedReportStreamIT {

    private static final int VALID_FIRST = 200;
    private static final int MUTATED = 10_000;
    private static final Duration DRAIN = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private KraftBroker broker;
    private TestHub hub;
    private IngestTestClient client;

    @AfterEach
    void cleanUp() {
        if (client != null) {
            client.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyMutatedReportIsAcceptedExactlyOrKeptWithAReasonAndNothingAcceptedEarlierChanges() throws Exception {
        broker = KraftBroker.builder(dir.resolve("kafka")).start();
        TestDatabase db = TestPostgres.freshDatabase();
        hub = TestHub.start(db.jdbcUrl(), db.user(), db.password(), broker.bootstrapServers(), Map.of());
        client = hub.client(broker.bootstrapServers());
        JdbcClient jdbc = hub.jdbc();

        ReportMutator first = new ReportMutator(2020, client::encode, List.of());
        List<ReportMutator.Mutated> validReports = new ArrayList<>();
        for (int i = 0; i < VALID_FIRST; i++) {
            SpecificRecord report = first.valid();
            String topic = IngestTestClient.topicOf(report);
            validReports.add(new ReportMutator.Mutated(topic, ReportMutator.key(report), client.encode(topic, report),
                    report, ""));
        }
        List<Sent> valid = send(validReports);
        awaitDrained();
        List<UUID> acceptedEarlier = jdbc.sql("select message_id from report where status <> 'REJECTED'")
                .query(UUID.class).list();
        assertThat(acceptedEarlier).hasSizeGreaterThan(VALID_FIRST / 2);
        List<Map<String, Object>> earlierRows = reportRows(jdbc, acceptedEarlier);

        ReportMutator mutator = new ReportMutator(11_320_195L, client::encode, acceptedEarlier);
        List<ReportMutator.Mutated> stream = new ArrayList<>();
        for (int i = 0; i < MUTATED; i++) {
            stream.add(mutator.next());
        }
        List<Sent> mutated = send(stream);
        awaitDrained();

        assertThat(hub.camel().getRouteController().getRouteStatus(ReportIngestRoute.ROUTE_ID).isStarted())
                .as("the ingest route still runs").isTrue();
        assertThat(reportRows(jdbc, acceptedEarlier)).as("reports accepted before the stream").isEqualTo(earlierRows);
        everyRecordIsAccountedFor(jdbc, valid, mutated);
        acceptedReportsAreStoredExactlyAsSent(jdbc, mutated);
        everyRejectionHasItsReason(jdbc);
        consolidatedFiguresEqualTheAcceptedReports(jdbc);
        readSideTotalsEqualTheReports(jdbc);
    }

    private record Sent(ReportMutator.Mutated record, String topic, int partition, long offset) {
    }

    /**
     * Sends all without waiting for each, then learns where each landed. First waits until every partition of the
     * records' topics has a leader; a record the broker does not acknowledge fails the test with the broker's last log
     * lines.
     */
    private List<Sent> send(List<ReportMutator.Mutated> records) throws Exception {
        Set<String> topics = records.stream().map(ReportMutator.Mutated::topic).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> client.leadersKnown(topics));
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        for (ReportMutator.Mutated record : records) {
            futures.add(client.sendAsync(record.topic(), record.key(), record.payload()));
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata meta;
            try {
                meta = futures.get(i).get();
            } catch (ExecutionException e) {
                throw new AssertionError("record " + i + " of " + records.size() + " to " + records.get(i).topic()
                        + " was not acknowledged: " + e.getCause() + "\nbroker running: " + broker.isRunning()
                        + "; its last lines:\n" + broker.logTail(), e);
            }
            sent.add(new Sent(records.get(i), meta.topic(), meta.partition(), meta.offset()));
        }
        return sent;
    }

    private void everyRecordIsAccountedFor(JdbcClient jdbc, List<Sent> valid, List<Sent> mutated) {
        Set<String> stored = new HashSet<>(jdbc.sql("""
                select topic || '/' || kafka_partition || '/' || kafka_offset from report
                union select topic || '/' || kafka_partition || '/' || kafka_offset from rejected_report""")
                .query(String.class).list());
        // a message id is recorded once: as a report, or as a rejection decided before it became one (wrong topic)
        Set<UUID> recorded = new HashSet<>(jdbc.sql("select message_id from report union "
                + "select message_id from rejected_report where message_id is not null").query(UUID.class).list());
        List<String> unaccounted = new ArrayList<>();
        List<Sent> all = new ArrayList<>(valid);
        all.addAll(mutated);
        for (Sent s : all) {
            if (stored.contains(s.topic() + "/" + s.partition() + "/" + s.offset())) {
                continue;
            }
            // Not stored at its own offset: only a redelivery of a report recorded earlier may be, and it decodes.
            UUID id = client.messageIdOf(s.topic(), s.record().payload());
            if (id == null || !recorded.contains(id)) {
                unaccounted.add(s.topic() + "/" + s.partition() + "/" + s.offset() + " (" + s.record().mutations()
                        + ")");
            }
        }
        assertThat(unaccounted).as("records neither stored nor redeliveries of a stored report").isEmpty();
    }

    private void acceptedReportsAreStoredExactlyAsSent(JdbcClient jdbc, List<Sent> mutated) {
        Map<String, Map<String, Object>> accepted = new HashMap<>();
        jdbc.sql("select * from report where status <> 'REJECTED'").query().listOfRows()
                .forEach(row -> accepted.put(row.get("topic") + "/" + row.get("kafka_partition") + "/"
                        + row.get("kafka_offset"), row));
        int checked = 0;
        for (Sent s : mutated) {
            Map<String, Object> row = accepted.get(s.topic() + "/" + s.partition() + "/" + s.offset());
            if (row == null || s.record().sent() == null) {
                continue;
            }
            assertThat(StoredReport.of(row)).as(s.record().mutations()).isEqualTo(StoredReport.of(s.record().sent()));
            checked++;
        }
        assertThat(checked).as("accepted mutated reports compared").isGreaterThan(MUTATED / 10);
    }

    private static void everyRejectionHasItsReason(JdbcClient jdbc) {
        assertThat(jdbc.sql("""
                select count(*) from report r join report_outcome o using (message_id)
                where r.status = 'REJECTED' and (o.findings = '[]'::jsonb
                   or not exists (select 1 from rejected_report x where x.message_id = r.message_id))""")
                .query(Long.class).single()).as("rejected reports without findings or rejected_report row").isZero();
        assertThat(jdbc.sql("select count(*) from rejected_report where code = '' or message = ''")
                .query(Long.class).single()).as("rejections without a code or message").isZero();
        assertThat(jdbc.sql("select count(*) from report r where not exists "
                + "(select 1 from report_outcome o where o.message_id = r.message_id)")
                .query(Long.class).single()).as("reports without an outcome").isZero();
    }

    private static void consolidatedFiguresEqualTheAcceptedReports(JdbcClient jdbc) {
        assertThat(differences(jdbc, """
                select * from (
                    select fiscal_year, operation_code, region_code, left(object_code, 1) || '0000' as object_group,
                           funding_source, sum(amount) as spent, count(*) as reports
                    from report where kind = 'EXPENDITURE' and status <> 'REJECTED'
                    group by 1, 2, 3, 4, 5) r
                full join consolidated_spend c
                    using (fiscal_year, operation_code, region_code, object_group, funding_source)
                where r.spent is distinct from c.spent or r.reports is distinct from c.reports"""))
                .as("consolidated_spend rows that differ from the reports").isEmpty();
        assertThat(differences(jdbc, """
                select * from (
                    select fiscal_year, operation_code, object_code, funding_source, sum(amount) as spent
                    from report where kind = 'EXPENDITURE' and status <> 'REJECTED' group by 1, 2, 3, 4) r
                full join operation_spend o using (fiscal_year, operation_code, object_code, funding_source)
                where r.spent is distinct from o.spent"""))
                .as("operation_spend rows that differ from the reports").isEmpty();
        assertThat(differences(jdbc, """
                select c.*, r.reports as counted, last.status, last.achieved_value from (
                    select fiscal_year, operation_code, region_code, count(*) as reports
                    from report where kind = 'PROGRESS' and status <> 'REJECTED' group by 1, 2, 3) r
                full join consolidated_progress c using (fiscal_year, operation_code, region_code)
                left join report last on last.message_id = c.last_message_id
                where r.reports is distinct from c.reports or last.status = 'REJECTED'
                   or last.achieved_value is distinct from c.cumulative_value"""))
                .as("consolidated_progress rows that differ from the reports").isEmpty();
    }

    /** What ingest keeps for the read side (V26) says what the report table says. */
    private static void readSideTotalsEqualTheReports(JdbcClient jdbc) {
        assertThat(differences(jdbc, """
                select * from (
                    select fiscal_year, region_code, status, count(*) as reports from report group by 1, 2, 3) r
                full join report_count c using (fiscal_year, region_code, status)
                where r.reports is distinct from c.reports"""))
                .as("report_count rows that differ from the reports").isEmpty();
        assertThat(differences(jdbc, """
                select * from (
                    select fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source,
                           sum(amount) as spent, count(*) as reports
                    from report where kind = 'EXPENDITURE' and plan_version is not null group by 1, 2, 3, 4, 5, 6) r
                full join monthly_spend m
                    using (fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source)
                where r.spent is distinct from m.spent or r.reports is distinct from m.reports"""))
                .as("monthly_spend rows that differ from the reports").isEmpty();
        // the month's figure is a report of that month with its newest period end (which one on a tie is ingest order)
        assertThat(differences(jdbc, """
                select * from (
                    select fiscal_year, fiscal_month, operation_code, region_code, count(*) as reports,
                           max(period_end) as period_end
                    from report where kind = 'PROGRESS' and plan_version is not null group by 1, 2, 3, 4) r
                full join monthly_progress m using (fiscal_year, fiscal_month, operation_code, region_code)
                where r.reports is distinct from m.reports or r.period_end is distinct from m.period_end
                   or not exists (select 1 from report x
                                  where x.kind = 'PROGRESS' and x.plan_version is not null
                                    and x.fiscal_year = m.fiscal_year and x.fiscal_month = m.fiscal_month
                                    and x.operation_code = m.operation_code and x.region_code = m.region_code
                                    and x.period_end = m.period_end and x.achieved_value = m.achieved_value
                                    and x.percent_complete is not distinct from m.percent_complete)"""))
                .as("monthly_progress rows that differ from the reports").isEmpty();
        assertThat(differences(jdbc, """
                select s.agent_id, s.received_sequences, count(q.sequence) as rows
                from agent_sync_state s left join agent_sequence q using (agent_id)
                group by s.agent_id, s.received_sequences
                having s.received_sequences <> count(q.sequence)"""))
                .as("agents whose count of received numbers differs from their agent_sequence rows").isEmpty();
    }

    /** The first rows a query finds, to show what differs. */
    private static List<Map<String, Object>> differences(JdbcClient jdbc, String query) {
        return jdbc.sql(query + " limit 5").query().listOfRows();
    }

    private static List<Map<String, Object>> reportRows(JdbcClient jdbc, List<UUID> ids) {
        return jdbc.sql("select message_id, status, amount, achieved_value, operation_code, region_code "
                        + "from report where message_id = any(?) order by message_id")
                .param(ids.toArray(UUID[]::new)).query().listOfRows();
    }

    /** Waits until the hub's consumer group has committed every regional partition to its end. */
    private void awaitDrained() {
        String group = hub.context().getEnvironment().getProperty("poa.ingest.group-id");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(500)).until(() -> lag(admin, group) == 0);
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        for (var topic : admin.describeTopics(admin.listTopics().names().get().stream()
                .filter(t -> t.endsWith(".progress") || t.endsWith(".expenditure")).toList())
                .allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** The fields of a report that the hub stores, from the sent record or from its row, to compare exactly. */
    private record StoredReport(String kind, String region, String agent, long sequence, int year, String operation,
                                String value, String percent, String from, String to, String linked, String objectCode,
                                String funding, String document) {

        static StoredReport of(SpecificRecord sent) {
            if (sent instanceof ProgressReport p) {
                return new StoredReport("PROGRESS", p.getRegionCode(), p.getAgentId(), p.getSequence(),
                        p.getFiscalYear(), p.getOperationCode(), p.getAchievedValue().toPlainString(),
                        text(p.getPercentComplete()), text(p.getPeriodStart()), text(p.getPeriodEnd()),
                        text(p.getCorrectsMessageId()), null, null, null);
            }
            ExpenditureReport e = (ExpenditureReport) sent;
            return new StoredReport("EXPENDITURE", e.getRegionCode(), e.getAgentId(), e.getSequence(),
                    e.getFiscalYear(), e.getOperationCode(), e.getAmount().toPlainString(), null,
                    text(e.getSpentOn()), null, text(e.getReversesMessageId()), e.getObjectCode(),
                    e.getFundingSource(), e.getDocumentNumber());
        }

        static StoredReport of(Map<String, Object> row) {
            boolean progress = "PROGRESS".equals(row.get("kind"));
            return new StoredReport((String) row.get("kind"), (String) row.get("region_code"),
                    (String) row.get("agent_id"), ((Number) row.get("sequence")).longValue(),
                    ((Number) row.get("fiscal_year")).intValue(), (String) row.get("operation_code"),
                    decimal(row.get(progress ? "achieved_value" : "amount")), decimal(row.get("percent_complete")),
                    text(row.get(progress ? "period_start" : "spent_on")), text(row.get("period_end")),
                    text(row.get(progress ? "corrects_message_id" : "reverses_message_id")),
                    (String) row.get("object_code"), (String) row.get("funding_source"),
                    (String) row.get("document_number"));
        }

        private static String decimal(Object value) {
            return value == null ? null : ((java.math.BigDecimal) value).toPlainString();
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
