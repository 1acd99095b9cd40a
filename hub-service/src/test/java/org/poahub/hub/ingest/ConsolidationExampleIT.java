package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.hub.consolidation.SenavexPlan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.routes.ingest.IncomingRecord;
import org.poahub.routes.ingest.IngestBatchResult;
import org.poahub.routes.ingest.ReportBatchIngestor;
import org.poahub.routes.ingest.ReportDecoder;
import org.poahub.rules.RuleCodes;
import org.poahub.rules.RuleSettings;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worked example of {@code docs/consolidation.md} (SENAVEX 2020, operation 11.04.02), run through the batch logic
 * and the JDBC store on a real PostgreSQL database migrated by Flyway, with the real SENAVEX plan file. Kafka is not
 * involved here (see {@link IngestIT}); the records are handed to the batch logic as the route would.
 */
class ConsolidationExampleIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-10-01T12:00:00Z"), ZoneOffset.UTC);

    private final DataSource dataSource = TestPostgres.freshDatabase().dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroWireSerializer<SpecificRecord> serializer =
            new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
    private final ReportBatchIngestor ingestor;
    private long offset;

    ConsolidationExampleIT() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        CsvPlanView plan = CsvPlanView.load(List.of(getClass().getResourceAsStream("/plans/senavex-poa-2020.csv")),
                RegionCatalogue.loadDefault());
        ingestor = new ReportBatchIngestor(new ReportDecoder(new AvroWireDeserializer<>(registry, Map.of(), false), CLOCK),
                new JdbcIngestStore(new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                        new JdbcTemplate(dataSource),
                        JsonMapper.builder().build(), new ReportEnricher(SenavexPlan.source(), RegionCatalogue.loadDefault()),
                        event -> { }),
                plan, RuleSettings.DEFAULTS, CLOCK);
    }

    /** A report of the worked example and the outcome it must get. */
    private record Step(SpecificRecord report, OutcomeStatus status, String code) {
    }

    /** Operation 11.04.02 through the year, in the order of the document. */
    private static List<Step> workedExample() {
        ExpenditureReport m3 = expenditure("BO-L", "agent-lp", 3, "26990", "30000.00", null);
        return List.of(
                new Step(progress("BO-L", "agent-lp", 1, 3, "1.0000", "11.04.02"), OutcomeStatus.ACCEPTED, null),
                new Step(expenditure("BO-L", "agent-lp", 2, "25220", "120000.00", null), OutcomeStatus.ACCEPTED, null),
                new Step(m3, OutcomeStatus.ACCEPTED, null),
                new Step(m3, OutcomeStatus.ACCEPTED, null),
                new Step(expenditure("BO-L", "agent-lp", 5, "26990", "-30000.00", m3.getMessageId()),
                        OutcomeStatus.ACCEPTED, null),
                new Step(progress("BO-L", "agent-lp", 6, 6, "2.0000", "11.04.02"), OutcomeStatus.ACCEPTED, null),
                new Step(progress("BO-L", "agent-lp", 7, 9, "1.0000", "11.04.02"), OutcomeStatus.REJECTED,
                        RuleCodes.PROGRESS_BACKWARDS),
                new Step(expenditure("BO-L", "agent-lp", 8, "43110", "100000.00", null), OutcomeStatus.ACCEPTED, null),
                new Step(expenditure("BO-C", "agent-cb", 1, "43120", "20000.00", null),
                        OutcomeStatus.ACCEPTED_WITH_WARNINGS, RuleCodes.BUDGET_LINE_EXCEEDED),
                new Step(expenditure("BO-C", "agent-cb", 3, "57100", "5000.00", null),
                        OutcomeStatus.ACCEPTED_WITH_WARNINGS, RuleCodes.OBJECT_NOT_BUDGETED),
                new Step(progress("BO-L", "agent-lp", 11, 9, "1.0000", "99.99.99"), OutcomeStatus.REJECTED,
                        RuleCodes.OPERATION_UNKNOWN));
    }

    @Test
    void theWorkedExampleGivesTheDocumentedFigures() {
        for (Step step : workedExample()) {
            IngestBatchResult result = ingestor.ingest(List.of(record(step.report())));
            assertThat(result.outcomes()).singleElement().satisfies(o -> assertOutcome(step, o.outcome()));
        }

        assertDocumentedFigures();
    }

    /** The batch reads the database once and keeps its own changes in memory: the rules must see them all the same. */
    @Test
    void theWholeExampleInOneBatchGivesTheSameOutcomesAndFigures() {
        List<Step> steps = workedExample();

        IngestBatchResult result = ingestor.ingest(steps.stream().map(s -> record(s.report())).toList());

        assertThat(result.outcomes()).hasSameSizeAs(steps);
        for (int i = 0; i < steps.size(); i++) {
            assertOutcome(steps.get(i), result.outcomes().get(i).outcome());
        }
        assertThat(result.outcomes().get(3).redelivered()).as("the repeated m3").isTrue();
        assertThat(result.outcomes().get(3).outcome()).isEqualTo(result.outcomes().get(2).outcome());
        assertDocumentedFigures();
    }

    private void assertDocumentedFigures() {
        assertThat(jdbc.sql("select cumulative_value, reports from consolidated_progress where region_code = 'BO-L'")
                .query().singleRow()).satisfies(row -> {
                    assertThat((BigDecimal) row.get("cumulative_value")).isEqualByComparingTo("2");
                    assertThat(row.get("reports")).isEqualTo(2);
                });
        assertThat(spend()).containsExactly(
                Map.entry("BO-C/40000", new BigDecimal("20000.00")),
                Map.entry("BO-C/50000", new BigDecimal("5000.00")),
                Map.entry("BO-L/20000", new BigDecimal("120000.00")),
                Map.entry("BO-L/40000", new BigDecimal("100000.00")));
        assertThat(jdbc.sql("select count(*) from rejected_report").query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from report_enrichment").query(Long.class).single())
                .as("one per accepted report").isEqualTo(8L);
        assertThat(jdbc.sql("select e.cumulative_spend::text from report_enrichment e join report r using (message_id) "
                        + "where r.region_code = 'BO-C' and r.object_code = '43120'").query(String.class).single())
                .as("national spend on the 43000 line after BO-L's 100,000 and BO-C's 20,000").isEqualTo("120000.00");
        Map<String, Object> sync = jdbc.sql("""
                select highest_sequence, highest_contiguous_sequence, missing_sequences::text as missing
                from agent_sync where agent_id = 'agent-cb'""").query().singleRow();
        assertThat(sync).containsEntry("highest_sequence", 3L).containsEntry("highest_contiguous_sequence", 1L)
                .containsEntry("missing", "{2}");
    }

    private static void assertOutcome(Step step, ReportOutcome outcome) {
        assertThat(outcome.getStatus()).isEqualTo(step.status());
        if (step.code() != null) {
            assertThat(outcome.getFindings()).extracting(f -> f.getCode()).contains(step.code());
        } else {
            assertThat(outcome.getFindings()).isEmpty();
        }
    }

    private IncomingRecord record(SpecificRecord report) {
        String region = report instanceof ProgressReport p ? p.getRegionCode() : ((ExpenditureReport) report).getRegionCode();
        String topic = report instanceof ProgressReport ? Topics.progress(region) : Topics.expenditure(region);
        return new IncomingRecord(topic, 0, offset++, serializer.serialize(topic, report));
    }

    private Map<String, BigDecimal> spend() {
        Map<String, BigDecimal> spend = new java.util.TreeMap<>();
        jdbc.sql("select region_code || '/' || object_group, sum(spent) from consolidated_spend group by 1")
                .query((rs, n) -> spend.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return spend;
    }

    private static ProgressReport progress(String region, String agent, long sequence, int endMonth, String value,
                                           String operation) {
        LocalDate end = LocalDate.of(2020, endMonth, 1).plusMonths(1).minusDays(1);
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(end.withDayOfMonth(1).minusMonths(2)).setPeriodEnd(end)
                .setReportedAt(CLOCK.instant()).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(null).setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure(String region, String agent, long sequence, String objectCode,
                                                 String amount, UUID reverses) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode(objectCode)
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(CLOCK.instant()).setReversesMessageId(reverses)
                .setClientVersion(null)
                .build();
    }
}
