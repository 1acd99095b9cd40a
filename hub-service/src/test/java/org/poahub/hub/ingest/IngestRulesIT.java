package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.poahub.hub.ingest.IngestTestClient.expenditure;
import static org.poahub.hub.ingest.IngestTestClient.header;
import static org.poahub.hub.ingest.IngestTestClient.messageId;
import static org.poahub.hub.ingest.IngestTestClient.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.poahub.hub.RealServers;
import org.poahub.hub.consolidation.CurrentPlans;
import org.poahub.plan.RegionCatalogue;
import org.poahub.routes.ingest.DeadLetterRoute.DeadLetterHeaders;
import org.poahub.routes.ingest.IngestRejectionCodes;
import org.poahub.routes.ingest.ReportIngestRoute;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.RuleCodes;
import org.poahub.testkit.KraftBroker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Every validation rule of issue 5 through the real route (a real broker of this test's own, so other tests' reports
 * do not reach these totals; the hub's registry; real PostgreSQL with the seeded SENAVEX 2020 plan), in one hub: the outcome on the region's outcome topic with its status, code and
 * Spanish message; for a rejection the dead letter (original bytes, reason headers) and the {@code rejected_report}
 * row, and no change to the consolidated figures; for an accepted report its effect on them. Also a poison record
 * (a simulated bug in the plan look-up) that is set aside after its attempts while the records around it go through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IngestRulesIT {

    private static final int PORT = freePort();
    private static final String WRITER = "hub";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    /** Looking this operation up throws, as a bug would: the poison record. */
    static final String POISON_OPERATION = "66.66.66";

    private static KraftBroker broker;
    private static Path brokerDir;

    private static synchronized KraftBroker broker() {
        if (broker == null) {
            try {
                brokerDir = Files.createTempDirectory("poa-rules-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker = KraftBroker.builder(brokerDir).start();
        }
        return broker;
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        RealServers.ownBroker(registry, () -> broker().bootstrapServers());
        registry.add("poa.ingest.poison-batch-attempts", () -> "2");
    }

    @TestConfiguration
    static class PoisonedPlan {
        /** Stops the test's broker when the context closes, after Camel stopped its consumers and producers. */
        @Bean
        DisposableBean ownBrokerStopper() {
            return () -> {
                broker().close();
                FileSystemUtils.deleteRecursively(brokerDir);
            };
        }

        @Bean
        @Primary
        PlanView poisonedPlanView(CurrentPlans plans, RegionCatalogue regions) {
            StoredPlanView stored = new StoredPlanView(plans, regions);
            return new PlanView() {
                @Override
                public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
                    if (POISON_OPERATION.equals(operationCode)) {
                        throw new IllegalStateException("Simulated bug looking up " + operationCode);
                    }
                    return stored.operation(fiscalYear, operationCode);
                }

                @Override
                public boolean isKnownRegion(String regionCode) {
                    return stored.isKnownRegion(regionCode);
                }
            };
        }
    }

    private static IngestTestClient client;

    @Autowired
    JdbcClient jdbc;

    static IngestTestClient client() {
        if (client == null) {
            client = new IngestTestClient(broker().bootstrapServers(), "http://localhost:" + PORT,
                    WRITER + ":" + WRITER_PASSWORD);
        }
        return client;
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    // ---- rejections ---------------------------------------------------------------------------------------------

    /**
     * A rule that rejects: the report (built once its prerequisites were sent), the region whose topic it goes on,
     * and the first error expected with its field and exact Spanish message.
     */
    record Rejected(String name, String topicRegion, Function<IngestRulesIT, SpecificRecord> report, String code,
                    String field, Function<SpecificRecord, String> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                new Rejected("unknown operation", "BO-B",
                        t -> progress("BO-B", "agent-r1", 1, "1").setOperationCode("99.99.99").build(),
                        RuleCodes.OPERATION_UNKNOWN, "operationCode",
                        r -> "La operación '99.99.99' no existe en el POA de la gestión 2020."),
                new Rejected("unknown region", "BO-B",
                        t -> progress("BO-X", "agent-r2", 1, "1").build(),
                        RuleCodes.REGION_UNKNOWN, "regionCode", r -> "La regional 'BO-X' no existe."),
                new Rejected("region not the topic's", "BO-B",
                        t -> progress("BO-H", "agent-r3", 1, "1").build(),
                        RuleCodes.REGION_MISMATCH, "regionCode",
                        r -> "El informe es de la regional 'BO-H' pero llegó por el canal de la regional 'BO-B'."),
                new Rejected("negative value", "BO-B",
                        t -> progress("BO-B", "agent-r4", 1, "-1").build(),
                        RuleCodes.VALUE_NEGATIVE, "achievedValue",
                        r -> "El valor alcanzado no puede ser negativo (se recibió -1)."),
                new Rejected("percent above 100", "BO-B",
                        t -> progress("BO-B", "agent-r5", 1, "1").setPercentComplete(new BigDecimal("100.50")).build(),
                        RuleCodes.PERCENT_OUT_OF_RANGE, "percentComplete",
                        r -> "El porcentaje de avance debe estar entre 0 y 100 (se recibió 100.5)."),
                new Rejected("percent below 0", "BO-B",
                        t -> progress("BO-B", "agent-r6", 1, "1").setPercentComplete(new BigDecimal("-0.01")).build(),
                        RuleCodes.PERCENT_OUT_OF_RANGE, "percentComplete",
                        r -> "El porcentaje de avance debe estar entre 0 y 100 (se recibió -0.01)."),
                new Rejected("period end before its start", "BO-B",
                        t -> progress("BO-B", "agent-r7", 1, "1").setPeriodStart(LocalDate.of(2020, 3, 31))
                                .setPeriodEnd(LocalDate.of(2020, 3, 1)).build(),
                        RuleCodes.PERIOD_INVERTED, "periodEnd",
                        r -> "El fin del periodo (2020-03-01) es anterior a su inicio (2020-03-31)."),
                new Rejected("progress period outside the fiscal year", "BO-B",
                        t -> progress("BO-B", "agent-r8", 1, "1").setPeriodStart(LocalDate.of(2021, 1, 1))
                                .setPeriodEnd(LocalDate.of(2021, 1, 31)).build(),
                        RuleCodes.DATE_OUTSIDE_FISCAL_YEAR, "periodStart",
                        r -> "El inicio del periodo (2021-01-01) está fuera de la gestión 2020."),
                new Rejected("expenditure date outside the fiscal year", "BO-B",
                        t -> expenditure("BO-B", "agent-r9", 1, "25220", "10.00").setSpentOn(LocalDate.of(2019, 12, 31))
                                .build(),
                        RuleCodes.DATE_OUTSIDE_FISCAL_YEAR, "spentOn",
                        r -> "La fecha del gasto (2019-12-31) está fuera de la gestión 2020."),
                new Rejected("zero amount", "BO-B",
                        t -> expenditure("BO-B", "agent-r10", 1, "25220", "0.00").build(),
                        RuleCodes.AMOUNT_NOT_POSITIVE, "amount",
                        r -> "El monto debe ser mayor que cero (se recibió 0); para anular un gasto registre una reversión."),
                new Rejected("negative amount without a reversal link", "BO-B",
                        t -> expenditure("BO-B", "agent-r11", 1, "25220", "-5.00").build(),
                        RuleCodes.AMOUNT_NOT_POSITIVE, "amount",
                        r -> "El monto debe ser mayor que cero (se recibió -5); para anular un gasto registre una reversión."),
                new Rejected("object code that is not five digits", "BO-B",
                        t -> expenditure("BO-B", "agent-r10b", 1, "2522", "5.00").build(),
                        RuleCodes.OBJECT_CODE_MALFORMED, "objectCode",
                        r -> "La partida «2522» no es un código del Clasificador por Objeto del Gasto: deben ser "
                                + "cinco dígitos, p. ej. 25220."),
                new Rejected("reversal with a positive amount", "BO-B",
                        t -> expenditure("BO-B", "agent-r12", 2, "25220", "5.00")
                                .setReversesMessageId(t.accepted(expenditure("BO-B", "agent-r12", 1, "25220", "5.00").build()))
                                .build(),
                        RuleCodes.REVERSAL_AMOUNT_NOT_NEGATIVE, "amount",
                        r -> "Una reversión debe tener monto negativo (se recibió 5)."),
                new Rejected("reversal of an unknown report", "BO-B",
                        t -> expenditure("BO-B", "agent-r13", 1, "25220", "-5.00").setReversesMessageId(TARGET).build(),
                        RuleCodes.REVERSAL_TARGET_UNKNOWN, "reversesMessageId",
                        r -> "El informe revertido (" + TARGET + ") no existe."),
                new Rejected("reversal of another region's report", "BO-B",
                        t -> expenditure("BO-B", "agent-r14", 1, "25220", "-5.00")
                                .setReversesMessageId(t.accepted(expenditure("BO-N", "agent-r14n", 1, "25220", "5.00").build()))
                                .build(),
                        RuleCodes.REVERSAL_TARGET_OTHER_REGION, "reversesMessageId",
                        r -> "El informe revertido (" + ((ExpenditureReport) r).getReversesMessageId()
                                + ") pertenece a otra regional (BO-N)."),
                new Rejected("reversal of a progress report", "BO-B",
                        t -> expenditure("BO-B", "agent-r15", 2, "25220", "-5.00")
                                .setReversesMessageId(t.accepted(progress("BO-B", "agent-r15", 1, "0").build()))
                                .build(),
                        RuleCodes.REVERSAL_TARGET_WRONG_KIND, "reversesMessageId",
                        r -> "El informe revertido (" + ((ExpenditureReport) r).getReversesMessageId()
                                + ") es de otro tipo (PROGRESS)."),
                new Rejected("correction of an unknown report", "BO-B",
                        t -> progress("BO-B", "agent-r16", 1, "1").setCorrectsMessageId(TARGET).build(),
                        RuleCodes.CORRECTION_TARGET_UNKNOWN, "correctsMessageId",
                        r -> "El informe corregido (" + TARGET + ") no existe."),
                new Rejected("correction of another region's report", "BO-B",
                        t -> progress("BO-B", "agent-r17", 1, "0")
                                .setCorrectsMessageId(t.accepted(progress("BO-N", "agent-r17n", 1, "0").build()))
                                .build(),
                        RuleCodes.CORRECTION_TARGET_OTHER_REGION, "correctsMessageId",
                        r -> "El informe corregido (" + ((ProgressReport) r).getCorrectsMessageId()
                                + ") pertenece a otra regional (BO-N)."),
                new Rejected("correction of an expenditure report", "BO-B",
                        t -> progress("BO-B", "agent-r18", 2, "0")
                                .setCorrectsMessageId(t.accepted(expenditure("BO-B", "agent-r18", 1, "25220", "1.00").build()))
                                .build(),
                        RuleCodes.CORRECTION_TARGET_WRONG_KIND, "correctsMessageId",
                        r -> "El informe corregido (" + ((ProgressReport) r).getCorrectsMessageId()
                                + ") es de otro tipo (EXPENDITURE)."),
                new Rejected("progress going backwards without a correction link", "BO-P",
                        t -> {
                            t.accepted(progress("BO-P", "agent-r19", 1, "3").build());
                            return progress("BO-P", "agent-r19", 2, "2").setPeriodStart(LocalDate.of(2020, 4, 1))
                                    .setPeriodEnd(LocalDate.of(2020, 4, 30)).build();
                        },
                        RuleCodes.PROGRESS_BACKWARDS, "achievedValue",
                        r -> "El avance acumulado no puede retroceder: antes se informó 3 y ahora 2. "
                                + "Use una corrección del informe anterior.")
        ).map(Arguments::of);
    }

    private static final UUID TARGET = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void aReportBreakingARuleIsRejectedWithItsCodeAndSpanishMessageKeptAndDeadLettered(Rejected rule) {
        SpecificRecord report = rule.report().apply(this);
        UUID id = messageId(report);
        String topic = report instanceof ProgressReport ? Topics.progress(rule.topicRegion())
                : Topics.expenditure(rule.topicRegion());
        Totals before = totals();

        byte[] payload = client().send(topic, report);

        ReportOutcome outcome = client().awaitOutcome(rule.topicRegion(), id);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.getFindings()).filteredOn(f -> f.getSeverity() == Severity.ERROR).first().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(rule.code());
            assertThat(f.getField()).isEqualTo(rule.field());
            assertThat(f.getMessage()).isEqualTo(rule.message().apply(report));
        });
        ConsumerRecord<byte[], byte[]> deadLetter = client().awaitDeadLetter(id);
        assertThat(deadLetter.value()).isEqualTo(payload);
        assertThat(header(deadLetter, DeadLetterHeaders.CODE)).isEqualTo(rule.code());
        assertThat(header(deadLetter, DeadLetterHeaders.FIELD)).isEqualTo(rule.field());
        assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE)).isEqualTo(rule.message().apply(report));
        assertThat(header(deadLetter, DeadLetterHeaders.ROUTE)).isEqualTo(ReportIngestRoute.ROUTE_ID);
        assertThat(header(deadLetter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(deadLetter, DeadLetterHeaders.TIME)).isNotBlank();
        Map<String, Object> row = jdbc.sql("select code, field, message, route, raw_payload from rejected_report where message_id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("code", rule.code()).containsEntry("field", rule.field())
                .containsEntry("message", rule.message().apply(report)).containsEntry("route", ReportIngestRoute.ROUTE_ID);
        assertThat((byte[]) row.get("raw_payload")).isEqualTo(payload);
        assertThat(jdbc.sql("select status from report where message_id = ?").param(id).query(String.class).single())
                .isEqualTo("REJECTED");
        assertThat(totals()).as("a rejected report changes no consolidated figure").isEqualTo(before);
    }

    // ---- warnings and accepted reports --------------------------------------------------------------------------

    @Test
    void aPeriodOutsideTheOperationsDatesIsAcceptedWithAWarningAndCounted() {
        ProgressReport report = progress("BO-H", "agent-w1", 1, "1").setPeriodStart(LocalDate.of(2020, 1, 1))
                .setPeriodEnd(LocalDate.of(2020, 1, 15)).build();

        ReportOutcome outcome = acceptedWithWarning(report, RuleCodes.DATE_OUTSIDE_OPERATION, "periodStart",
                "El periodo 2020-01-01 a 2020-01-15 está fuera del cronograma de la operación 11.04.02 "
                        + "(2020-01-20 a 2020-11-30).");

        assertThat(outcome.getRegionCode()).isEqualTo("BO-H");
        assertThat(cumulativeProgress("BO-H")).isEqualByComparingTo("1");
    }

    @Test
    void anObjectCodeWithoutBudgetIsAcceptedWithAWarningByDefaultAndCounted() {
        ExpenditureReport report = expenditure("BO-O", "agent-w2", 1, "57100", "5000.00").build();

        acceptedWithWarning(report, RuleCodes.OBJECT_NOT_BUDGETED, "objectCode",
                "La partida 57100 (fuente Columna 1) no está presupuestada para la operación 11.04.02.");

        assertThat(spent("BO-O", "50000")).isEqualByComparingTo("5000.00");
    }

    @Test
    void spendPushingABudgetLineOverItsAmountIsAcceptedFlaggedAndCounted() {
        // Budget line 40000 of 11.04.02 is 111,300.00 nationally; only this test spends on it.
        ExpenditureReport first = expenditure("BO-T", "agent-w3", 1, "43110", "100000.00").build();
        ExpenditureReport over = expenditure("BO-S", "agent-w4", 1, "43120", "20000.00").build();
        assertThat(client().awaitOutcomeAfterSending(first).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);

        acceptedWithWarning(over, RuleCodes.BUDGET_LINE_EXCEEDED, "amount",
                "Con este gasto la partida 40000 de la operación 11.04.02 llega a 120000, por encima de lo "
                        + "presupuestado (111300). Se acepta y queda marcado para revisión.");

        assertThat(jdbc.sql("select status from report where message_id = ?").param(over.getMessageId())
                .query(String.class).single()).as("flagged for review").isEqualTo("ACCEPTED_WITH_WARNINGS");
        assertThat(spent("BO-S", "40000")).isEqualByComparingTo("20000.00");
        assertThat(spent("BO-T", "40000")).isEqualByComparingTo("100000.00");
    }

    @Test
    void aNegativeAmountIsAcceptedAsAReversalOfTheRegionsOwnExpenditureAndSubtracts() {
        UUID original = accepted(expenditure("BO-C", "agent-a1", 1, "31110", "700.00").build());
        ExpenditureReport reversal = expenditure("BO-C", "agent-a1", 2, "31110", "-700.00")
                .setReversesMessageId(original).build();

        assertThat(client().awaitOutcomeAfterSending(reversal).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(spent("BO-C", "30000")).isEqualByComparingTo("0.00");
    }

    @Test
    void aLowerValueIsAcceptedAsACorrectionOfTheRegionsOwnReportAndReplacesTheFigure() {
        UUID original = accepted(progress("BO-L", "agent-a2", 1, "3").build());
        ProgressReport correction = progress("BO-L", "agent-a2", 2, "2").setCorrectsMessageId(original).build();

        assertThat(client().awaitOutcomeAfterSending(correction).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(cumulativeProgress("BO-L")).isEqualByComparingTo("2");
    }

    @Test
    void aDuplicateMessageIdIsNotAnErrorItGetsTheSameOutcomeAndCountsOnce() {
        ExpenditureReport accepted = expenditure("BO-N", "agent-d1", 1, "31110", "40.00").build();
        ProgressReport rejected = progress("BO-N", "agent-d1", 2, "-1").build();
        for (int i = 0; i < 2; i++) {
            client().send(accepted);
            client().send(rejected);
        }

        await().atMost(IngestTestClient.WAIT).until(() -> client().outcomes("BO-N", accepted.getMessageId()).size() == 2
                && client().outcomes("BO-N", rejected.getMessageId()).size() == 2);
        assertThat(client().outcomes("BO-N", accepted.getMessageId())).extracting(ReportOutcome::getStatus)
                .containsOnly(OutcomeStatus.ACCEPTED);
        assertThat(client().outcomes("BO-N", rejected.getMessageId())).extracting(ReportOutcome::getFindings)
                .containsOnly(client().outcomes("BO-N", rejected.getMessageId()).get(0).getFindings());
        assertThat(spent("BO-N", "30000")).isEqualByComparingTo("40.00");
        await().atMost(IngestTestClient.WAIT).until(() -> client().deadLetters().stream()
                .filter(r -> rejected.getMessageId().toString().equals(header(r, DeadLetterHeaders.MESSAGE_ID))).count() == 2);
        assertThat(jdbc.sql("select count(*) from rejected_report where message_id = ?").param(rejected.getMessageId())
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from report where agent_id = 'agent-d1'").query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void sequenceGapsAreTrackedNotRejected() {
        for (long sequence : new long[] {1, 2, 5}) {
            accepted(expenditure("BO-T", "agent-g1", sequence, "25220", "1.00").build());
        }
        assertThat(sync("agent-g1")).containsEntry("highest_sequence", 5L).containsEntry("highest_contiguous_sequence", 2L);
        assertThat(missing("agent-g1")).containsExactly(3L, 4L);

        accepted(expenditure("BO-T", "agent-g1", 3, "25220", "1.00").build());

        assertThat(sync("agent-g1")).containsEntry("highest_contiguous_sequence", 3L);
        assertThat(missing("agent-g1")).containsExactly(4L);
    }

    // ---- poison record ----------------------------------------------------------------------------------------

    @Test
    void aRecordThatKeepsFailingIsSetAsideWhileTheRecordsAroundItGoThrough() {
        ExpenditureReport before = expenditure("BO-S", "agent-x1", 1, "25220", "11.00").build();
        ExpenditureReport poison = expenditure("BO-S", "agent-x1", 2, "25220", "12.00")
                .setOperationCode(POISON_OPERATION).build();
        ExpenditureReport after = expenditure("BO-S", "agent-x1", 3, "25220", "13.00").build();

        client().send(before);
        byte[] payload = client().send(poison);
        client().send(after);

        assertThat(client().awaitOutcome(before).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(client().awaitOutcome(after).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        ReportOutcome outcome = client().awaitOutcome(poison);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        String message = "El informe no se pudo procesar por un error interno del hub. "
                + "Quedó guardado para revisión; no es necesario reenviarlo.";
        assertThat(outcome.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(IngestRejectionCodes.PROCESSING_FAILED);
            assertThat(f.getMessage()).isEqualTo(message);
        });
        ConsumerRecord<byte[], byte[]> deadLetter = client().awaitDeadLetter(poison.getMessageId());
        assertThat(deadLetter.value()).isEqualTo(payload);
        assertThat(header(deadLetter, DeadLetterHeaders.CODE)).isEqualTo(IngestRejectionCodes.PROCESSING_FAILED);
        assertThat(jdbc.sql("select code, message, region_code from rejected_report where message_id = ?")
                .param(poison.getMessageId()).query().singleRow())
                .containsEntry("code", IngestRejectionCodes.PROCESSING_FAILED).containsEntry("message", message)
                .containsEntry("region_code", "BO-S");
        assertThat(jdbc.sql("select detail from rejected_report where message_id = ?").param(poison.getMessageId())
                .query(String.class).single()).startsWith("java.lang.IllegalStateException");
        assertThat(spent("BO-S", "20000")).isEqualByComparingTo("24.00");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Sends a report that must be accepted (with or without warnings) and returns its message id. */
    UUID accepted(SpecificRecord report) {
        assertThat(client().awaitOutcomeAfterSending(report).getStatus()).isNotEqualTo(OutcomeStatus.REJECTED);
        return messageId(report);
    }

    private ReportOutcome acceptedWithWarning(SpecificRecord report, String code, String field, String message) {
        ReportOutcome outcome = client().awaitOutcomeAfterSending(report);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED_WITH_WARNINGS);
        assertThat(outcome.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getCode()).isEqualTo(code);
            assertThat(f.getSeverity()).isEqualTo(Severity.WARNING);
            assertThat(f.getField()).isEqualTo(field);
            assertThat(f.getMessage()).isEqualTo(message);
        });
        assertThat(jdbc.sql("select count(*) from rejected_report where message_id = ?").param(messageId(report))
                .query(Long.class).single()).isZero();
        assertThat(client().deadLetters()).noneMatch(r ->
                messageId(report).toString().equals(header(r, DeadLetterHeaders.MESSAGE_ID)));
        return outcome;
    }

    /** Every consolidated figure, to show a rejection changed none. */
    record Totals(List<Map<String, Object>> progress, List<Map<String, Object>> spend) {
    }

    private Totals totals() {
        return new Totals(
                jdbc.sql("select * from consolidated_progress order by fiscal_year, operation_code, region_code").query().listOfRows(),
                jdbc.sql("select * from consolidated_spend order by 1, 2, 3, 4, 5").query().listOfRows());
    }

    private BigDecimal cumulativeProgress(String region) {
        return jdbc.sql("select cumulative_value from consolidated_progress where fiscal_year = 2020 and region_code = ? and operation_code = '11.04.02'")
                .param(region).query(BigDecimal.class).single();
    }

    private BigDecimal spent(String region, String group) {
        return jdbc.sql("""
                select coalesce(sum(spent), 0) from consolidated_spend
                where fiscal_year = 2020 and region_code = ? and operation_code = '11.04.02' and object_group = ?""")
                .params(region, group).query(BigDecimal.class).single();
    }

    private Map<String, Object> sync(String agent) {
        return jdbc.sql("select highest_sequence, highest_contiguous_sequence from agent_sync where agent_id = ?")
                .param(agent).query().singleRow();
    }

    private List<Long> missing(String agent) {
        return jdbc.sql("select unnest(missing_sequences) from agent_sync where agent_id = ?").param(agent)
                .query(Long.class).list();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
