package org.poahub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.SerdeConfig;

class PoisonRecordIsolatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String TOPIC = Topics.progress("BO-L");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroWireSerializer<SpecificRecord> serializer =
            new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
    private final ReportDecoder decoder = new ReportDecoder(new AvroWireDeserializer<>(registry, Map.of(), false), CLOCK);
    private final InMemoryIngestStore store = new InMemoryIngestStore();
    private final List<List<IncomingRecord>> calls = new ArrayList<>();
    private long offset;

    /** Accepts every record, or throws {@code failure} for any batch holding {@code poison}. */
    private BatchIngestion failingOn(IncomingRecord poison, RuntimeException failure) {
        return records -> {
            calls.add(records);
            if (records.contains(poison)) {
                throw failure;
            }
            return new IngestBatchResult(records.stream().map(r -> new OutcomeMessage("poa.bo-l.outcomes",
                    accepted(decoder.decode(r).report().messageId()))).toList(), List.of());
        };
    }

    @Test
    void aBatchThatKeepsFailingIsTakenApartAndOnlyThePoisonRecordIsRejected() {
        IncomingRecord good1 = report();
        IncomingRecord poison = report();
        IncomingRecord good2 = report();
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(
                failingOn(poison, new IllegalStateException("duplicate key value violates unique constraint")),
                decoder, store, 3, CLOCK);

        IngestBatchResult result = isolator.ingest(List.of(good1, poison, good2));

        assertThat(calls).hasSize(3 + 3);
        assertThat(calls.subList(0, 3)).containsOnly(List.of(good1, poison, good2));
        assertThat(calls.subList(3, 6)).containsExactly(List.of(good1), List.of(poison), List.of(good2));
        assertThat(result.outcomes()).extracting(o -> o.outcome().getStatus())
                .containsExactly(OutcomeStatus.ACCEPTED, OutcomeStatus.REJECTED, OutcomeStatus.ACCEPTED);
        ReportOutcome rejected = result.outcomes().get(1).outcome();
        assertThat(rejected.getMessageId()).isEqualTo(decoder.decode(poison).report().messageId());
        assertThat(result.outcomes().get(1).topic()).isEqualTo("poa.bo-l.outcomes");
        assertThat(rejected.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(IngestRejectionCodes.PROCESSING_FAILED);
            assertThat(f.getMessage()).isEqualTo("El informe no se pudo procesar por un error interno del hub. "
                    + "Quedó guardado para revisión; no es necesario reenviarlo.");
        });
        assertThat(result.deadLetters()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(poison);
            assertThat(r.code()).isEqualTo(IngestRejectionCodes.PROCESSING_FAILED);
            assertThat(r.regionCode()).isEqualTo("BO-L");
            assertThat(r.messageId()).isEqualTo(rejected.getMessageId());
            assertThat(r.detail()).startsWith("java.lang.IllegalStateException");
        });
        assertThat(store.rejections).containsExactlyElementsOf(result.deadLetters());
    }

    @Test
    void aBatchThatFailsOnceAndThenGoesThroughRejectsNothing() {
        IncomingRecord a = report();
        IncomingRecord b = report();
        BatchIngestion healthy = failingOn(report(), null);
        int[] failures = {1};
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(records -> {
            if (failures[0]-- > 0) {
                calls.add(records);
                throw new IllegalStateException("a glitch");
            }
            return healthy.ingest(records);
        }, decoder, store, 3, CLOCK);

        IngestBatchResult result = isolator.ingest(List.of(a, b));

        assertThat(calls).containsExactly(List.of(a, b), List.of(a, b));
        assertThat(result.outcomes()).extracting(o -> o.outcome().getStatus()).containsOnly(OutcomeStatus.ACCEPTED);
        assertThat(result.deadLetters()).isEmpty();
        assertThat(store.rejections).isEmpty();
    }

    @Test
    void aTransientFailureGoesBackToTheRouteAtOnceAndRejectsNothing() {
        IncomingRecord poison = report();
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(
                failingOn(poison, new TransientIngestException("database down", null)), decoder, store, 3, CLOCK);

        assertThatThrownBy(() -> isolator.ingest(List.of(report(), poison))).isInstanceOf(TransientIngestException.class);
        assertThat(calls).hasSize(1);
        assertThat(store.rejections).isEmpty();
    }

    @Test
    void aLostConnectionHiddenInAnUncategorizedExceptionIsTransient() {
        IncomingRecord poison = report();
        RuntimeException uncategorized = new RuntimeException("JDBC commit",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(failingOn(poison, uncategorized), decoder, store,
                3, CLOCK);

        assertThatThrownBy(() -> isolator.ingest(List.of(poison))).isInstanceOf(TransientIngestException.class)
                .hasCause(uncategorized);
        assertThat(calls).hasSize(1);
        assertThat(store.rejections).isEmpty();
    }

    @Test
    void aConstraintViolationIsNotTransient() {
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Failures.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("no broker"))).isTrue();
    }

    @Test
    void aRecordThatCannotEvenBeDecodedIsRejectedWithoutAnOutcome() {
        IncomingRecord good = report();
        byte[] payload = serializer.serialize(TOPIC, progress());
        IncomingRecord poison = new IncomingRecord(TOPIC, 0, offset++, Arrays.copyOf(payload, 3));
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(failingOn(poison, new NullPointerException()),
                decoder, store, 2, CLOCK);

        IngestBatchResult result = isolator.ingest(List.of(good, poison));

        assertThat(calls).hasSize(2 + 2);
        assertThat(result.outcomes()).singleElement()
                .satisfies(o -> assertThat(o.outcome().getStatus()).isEqualTo(OutcomeStatus.ACCEPTED));
        assertThat(result.deadLetters()).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isNull();
            assertThat(r.regionCode()).isEqualTo("BO-L");
            assertThat(r.source().value()).isEqualTo(poison.value());
        });
    }

    @Test
    void aSingleRecordBatchIsRejectedAfterItsAttemptsWithoutBeingTriedAgain() {
        IncomingRecord poison = report();
        PoisonRecordIsolator isolator = new PoisonRecordIsolator(failingOn(poison, new IllegalStateException()),
                decoder, store, 2, CLOCK);

        IngestBatchResult result = isolator.ingest(List.of(poison));

        assertThat(calls).hasSize(2);
        assertThat(result.deadLetters()).hasSize(1);
        assertThat(store.rejections).hasSize(1);
    }

    private IncomingRecord report() {
        return new IncomingRecord(TOPIC, 0, offset++, serializer.serialize(TOPIC, progress()));
    }

    private static ReportOutcome accepted(UUID messageId) {
        return ReportOutcome.newBuilder().setMessageId(messageId).setRegionCode("BO-L")
                .setReportKind(org.poahub.contract.ReportKind.PROGRESS).setStatus(OutcomeStatus.ACCEPTED)
                .setFindings(List.of()).setProcessedAt(CLOCK.instant()).build();
    }

    private static ProgressReport progress() {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(1)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(CLOCK.instant()).setAchievedValue(BigDecimal.ONE)
                .setPercentComplete(null).setReporter("Responsable regional").setCorrectsMessageId(null)
                .setClientVersion("test")
                .build();
    }
}
