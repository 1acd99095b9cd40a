package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
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
import org.poahub.routes.ingest.OutcomeMessage;
import org.poahub.routes.ingest.ReportBatchIngestor;
import org.poahub.routes.ingest.ReportDecoder;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.RuleSettings;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch reads the database first and writes at the end. These tests let a second hub (its own connections, its
 * own transaction, committed) record some of the batch's reports in between, as two instances may after a
 * rebalance or when two PCs of an office resend through different partitions: the batch must run again, count
 * each report once and answer the other hub's outcome.
 */
class ConcurrentRecordingIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-10-01T12:00:00Z"), ZoneOffset.UTC);

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final JdbcClient jdbc = JdbcClient.create(database.dataSource());
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroWireSerializer<SpecificRecord> serializer =
            new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
    private final CsvPlanView plan;
    /** Runs once, in the middle of this hub's batch, after its reads. */
    private final AtomicReference<Runnable> otherHubMeanwhile = new AtomicReference<>();
    private long offset;

    ConcurrentRecordingIT() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        plan = CsvPlanView.load(List.of(getClass().getResourceAsStream("/plans/senavex-poa-2020.csv")),
                RegionCatalogue.loadDefault());
    }

    @Test
    void aReportRecordedByAnotherHubAfterTheBatchReadIsCountedOnceWithTheOtherHubsOutcome() {
        ProgressReport first = progress("agent-lp", 1, 3, "1.0000");
        ProgressReport second = progress("agent-lp", 2, 6, "2.0000");
        ExpenditureReport spend = expenditure("agent-lp", 3, "25220", "1000.00");
        IncomingRecord contested = record(first);
        ReportBatchIngestor otherHub = ingestor(plan);
        AtomicReference<IngestBatchResult> otherResult = new AtomicReference<>();
        otherHubMeanwhile.set(() -> otherResult.set(otherHub.ingest(List.of(contested))));

        IngestBatchResult result = ingestor(interruptingPlan())
                .ingest(List.of(contested, record(second), record(spend)));

        OutcomeMessage other = otherResult.get().outcomes().get(0);
        assertThat(other.redelivered()).isFalse();
        assertThat(result.outcomes()).extracting(o -> o.outcome().getStatus()).containsOnly(OutcomeStatus.ACCEPTED);
        assertThat(result.outcomes().get(0).redelivered()).as("recorded by the other hub").isTrue();
        assertThat(result.outcomes().get(0).outcome()).isEqualTo(other.outcome());
        assertThat(result.outcomes().get(1).redelivered()).isFalse();
        assertThat(result.outcomes().get(2).redelivered()).isFalse();
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select count(*) from report_outcome").query(Long.class).single()).isEqualTo(3L);
        assertThat(jdbc.sql("select cumulative_value::text || ' ' || reports from consolidated_progress")
                .query(String.class).single()).as("latest value, two reports").isEqualTo("2.0000 2");
        assertThat(jdbc.sql("select spent from operation_spend").query(BigDecimal.class).single())
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void anOperationsFirstProgressRecordedByAnotherHubMeanwhileIsNotOverwritten() {
        ProgressReport theirs = progress("agent-lp-2", 1, 3, "1.0000");
        ProgressReport mine = progress("agent-lp", 1, 9, "2.0000");
        ReportBatchIngestor otherHub = ingestor(plan);
        otherHubMeanwhile.set(() -> otherHub.ingest(List.of(record(theirs))));

        IngestBatchResult result = ingestor(interruptingPlan()).ingest(List.of(record(mine)));

        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.redelivered()).isFalse();
            assertThat(o.outcome().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        });
        assertThat(jdbc.sql("select cumulative_value::text || ' ' || reports || ' ' || last_period_end "
                        + "from consolidated_progress").query(String.class).single())
                .as("September replaces March, both reports counted").isEqualTo("2.0000 2 2020-09-30");
    }

    /** The plan as this hub's rules see it; the first lookup (after the batch's reads) lets the other hub run. */
    private PlanView interruptingPlan() {
        AtomicBoolean ran = new AtomicBoolean();
        return new PlanView() {
            @Override
            public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
                Runnable other = otherHubMeanwhile.get();
                if (other != null && ran.compareAndSet(false, true)) {
                    other.run();
                }
                return plan.operation(fiscalYear, operationCode);
            }

            @Override
            public boolean isKnownRegion(String regionCode) {
                return plan.isKnownRegion(regionCode);
            }
        };
    }

    /** A hub's batch logic and store; each call gets its own DataSource, so its transactions are its own. */
    private ReportBatchIngestor ingestor(PlanView planView) {
        DataSource own = database.dataSource();
        return new ReportBatchIngestor(new ReportDecoder(new AvroWireDeserializer<>(registry, Map.of(), false), CLOCK),
                new JdbcIngestStore(new TransactionTemplate(new DataSourceTransactionManager(own)),
                        new JdbcTemplate(own), JsonMapper.builder().build(),
                        new ReportEnricher(SenavexPlan.source(), RegionCatalogue.loadDefault()),
                        event -> { }),
                planView, RuleSettings.DEFAULTS, CLOCK);
    }

    private IncomingRecord record(SpecificRecord report) {
        String topic = report instanceof ProgressReport ? Topics.progress("BO-L") : Topics.expenditure("BO-L");
        return new IncomingRecord(topic, 0, offset++, serializer.serialize(topic, report));
    }

    private static ProgressReport progress(String agent, long sequence, int endMonth, String value) {
        LocalDate end = LocalDate.of(2020, endMonth, 1).plusMonths(1).minusDays(1);
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(end.withDayOfMonth(1).minusMonths(2)).setPeriodEnd(end)
                .setReportedAt(CLOCK.instant()).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(null).setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure(String agent, long sequence, String objectCode, String amount) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode(objectCode)
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(CLOCK.instant()).setReversesMessageId(null)
                .setClientVersion(null)
                .build();
    }
}
