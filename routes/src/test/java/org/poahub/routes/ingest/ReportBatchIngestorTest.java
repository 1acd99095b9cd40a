package org.poahub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.RuleCodes;
import org.poahub.rules.RuleSettings;

class ReportBatchIngestorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String TOPIC = Topics.progress("BO-L");

    /** SENAVEX 2020, operation 11.04.02 with two of its budget lines. */
    private static final PlanView PLAN = new PlanView() {
        @Override
        public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
            return fiscalYear == 2020 && operationCode.equals("11.04.02")
                    ? Optional.of(new PlannedOperation("11.04.02", 2020, LocalDate.of(2020, 1, 20),
                    LocalDate.of(2020, 11, 30), List.of(
                    new PlannedBudgetLine("10000", "Columna 1", new BigDecimal("4777445.00")),
                    new PlannedBudgetLine("20000", "Columna 1", new BigDecimal("865426.00")))))
                    : Optional.empty();
        }

        @Override
        public boolean isKnownRegion(String regionCode) {
            return Topics.isRegionCode(regionCode);
        }
    };

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroWireSerializer<SpecificRecord> serializer =
            new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
    private final InMemoryIngestStore store = new InMemoryIngestStore();
    private final ReportBatchIngestor ingestor = new ReportBatchIngestor(
            new ReportDecoder(new AvroWireDeserializer<>(registry, Map.of(), false), CLOCK), store, PLAN,
            RuleSettings.DEFAULTS, CLOCK);
    private long offset;

    @Test
    void aValidReportIsRecordedAndAcceptedWithAnOutcomeForItsRegion() {
        ProgressReport report = progress("11.04.02");

        IngestBatchResult result = ingestor.ingest(List.of(record(TOPIC, serializer.serialize(TOPIC, report))));

        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.topic()).isEqualTo("poa.bo-l.outcomes");
            assertThat(o.outcome().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        });
        assertThat(result.deadLetters()).isEmpty();
        assertThat(store.reports).containsKey(report.getMessageId());
    }

    @Test
    void aRejectedReportIsRecordedWithItsOutcomeAndGoesToTheDeadLetters() {
        ProgressReport report = progress("99.99.99");

        IngestBatchResult result = ingestor.ingest(List.of(record(TOPIC, serializer.serialize(TOPIC, report))));

        assertThat(result.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.outcome().getStatus()).isEqualTo(OutcomeStatus.REJECTED));
        assertThat(result.deadLetters()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RuleCodes.OPERATION_UNKNOWN);
            assertThat(r.messageId()).isEqualTo(report.getMessageId());
            assertThat(r.route()).isEqualTo(ReportIngestRoute.ROUTE_ID);
        });
        assertThat(store.rejections).hasSize(1);
    }

    @Test
    void aDuplicateInTheSameOrALaterBatchChangesNothingAndGetsTheStoredOutcome() {
        byte[] payload = serializer.serialize(TOPIC, progress("11.04.02"));

        IngestBatchResult first = ingestor.ingest(List.of(record(TOPIC, payload), record(TOPIC, payload)));
        IngestBatchResult later = ingestor.ingest(List.of(record(TOPIC, payload)));

        assertThat(store.reports).hasSize(1);
        assertThat(first.outcomes()).hasSize(2);
        assertThat(first.outcomes().get(1).outcome()).isEqualTo(first.outcomes().get(0).outcome());
        assertThat(later.outcomes().get(0).outcome()).isEqualTo(first.outcomes().get(0).outcome());
        assertThat(first.outcomes()).extracting(OutcomeMessage::redelivered).containsExactly(false, true);
        assertThat(later.outcomes()).extracting(OutcomeMessage::redelivered).containsExactly(true);
        assertThat(first.outcomes()).extracting(OutcomeMessage::reportedAt).containsOnly(CLOCK.instant());
        assertThat(first.committedAt()).isEqualTo(CLOCK.instant());
        assertThat(first.recordCount()).isEqualTo(2);
    }

    @Test
    void undecodableBytesAndAReportOnTheWrongTopicAreRejectedWithTheReason() {
        byte[] expenditure = serializer.serialize(TOPIC, expenditure());
        IngestBatchResult result = ingestor.ingest(List.of(
                record(TOPIC, new byte[] {1, 2, 3}),
                record(TOPIC, java.util.Arrays.copyOf(expenditure, expenditure.length - 3)),
                record(TOPIC, expenditure)));

        assertThat(result.outcomes()).isEmpty();
        assertThat(result.deadLetters()).extracting(Rejection::code).containsExactly(
                IngestRejectionCodes.UNDECODABLE, IngestRejectionCodes.UNDECODABLE, IngestRejectionCodes.WRONG_TOPIC);
        assertThat(result.deadLetters()).allSatisfy(r -> assertThat(r.regionCode()).isEqualTo("BO-L"));
        assertThat(store.rejections).hasSize(3);
        assertThat(result.undecodable()).hasSize(3);
        assertThat(result.recordCount()).isEqualTo(3);
    }

    @Test
    void anUnreachableRegistryIsTransientAndRecordsNothing() {
        byte[] payload = serializer.serialize(TOPIC, progress("11.04.02"));
        RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(RegistryClientConfig.of("http://127.0.0.1:1", null));
        ReportBatchIngestor cut = new ReportBatchIngestor(
                new ReportDecoder(new AvroWireDeserializer<>(unreachable, Map.of(), false), CLOCK), store, PLAN,
                RuleSettings.DEFAULTS, CLOCK);

        assertThatThrownBy(() -> cut.ingest(List.of(record(TOPIC, payload))))
                .isInstanceOf(TransientIngestException.class);
        assertThat(store.reports).isEmpty();
        assertThat(store.rejections).isEmpty();
    }

    private IncomingRecord record(String topic, byte[] value) {
        return new IncomingRecord(topic, 0, offset++, value);
    }

    private static ProgressReport progress(String operation) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(1)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(CLOCK.instant()).setAchievedValue(new BigDecimal("1.0000"))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(null).setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure() {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(2)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220").setFundingSource("Columna 1")
                .setAmount(new BigDecimal("10.00")).setSpentOn(LocalDate.of(2020, 3, 15)).setDocumentNumber("C-1")
                .setReportedAt(CLOCK.instant()).setReversesMessageId(null).setClientVersion(null)
                .build();
    }
}
