package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.ingest.IngestBatchWriter.ReportRow;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.routes.ingest.DecodedReport;
import org.poahub.routes.ingest.IncomingRecord;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report and outcome rows go to PostgreSQL by binary COPY. Every value must arrive as it was sent: amounts to the
 * centavo, dates, instants to the millisecond, raw bytes, and nulls where a report kind has no value.
 */
class IngestBatchWriterIT {

    private static final Instant REPORTED_AT = Instant.parse("2020-10-01T12:34:56.123Z");

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final JdbcClient sql = JdbcClient.create(database.dataSource());
    private final IngestBatchWriter writer = new IngestBatchWriter(new JdbcTemplate(database.dataSource()),
            new FindingsJson(JsonMapper.builder().build()));
    private final AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>(
            new InMemorySchemaRegistryClient(), Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);

    IngestBatchWriterIT() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
    }

    @Test
    void anAcceptedProgressReportKeepsEveryValueAndItsEnrichment() {
        ProgressReport progress = ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L")
                .setSequence(9_000_000_001L)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(LocalDate.of(1999, 12, 31)).setPeriodEnd(LocalDate.of(2020, 2, 29))
                .setReportedAt(REPORTED_AT).setAchievedValue(new BigDecimal("12345678901234.5678"))
                .setPercentComplete(new BigDecimal("100.00")).setReporter("Responsable")
                .setCorrectsMessageId(UUID.randomUUID()).setClientVersion(null)
                .build();
        DecodedReport report = decoded(progress, 7, 123_456_789_012L);

        writer.insertReports(List.of(new ReportRow(report, OutcomeStatus.ACCEPTED_WITH_WARNINGS, enrichment())));

        assertThat(row(progress.getMessageId(), """
                kind, status, region_code, agent_id, sequence, fiscal_year, operation_code, achieved_value,
                percent_complete, period_start, period_end, corrects_message_id, object_code, funding_source, amount,
                spent_on, document_number, reverses_message_id, reported_at, schema_id, topic, kafka_partition,
                kafka_offset""")).containsExactly(
                "PROGRESS", "ACCEPTED_WITH_WARNINGS", "BO-L", "agent-lp", "9000000001", "2020", "11.04.02",
                "12345678901234.5678", "100.00", "1999-12-31", "2020-02-29", progress.getCorrectsMessageId().toString(),
                null, null, null, null, null, null, "2020-10-01 12:34:56.123+00", "1", Topics.progress("BO-L"),
                "7", "123456789012");
        assertThat(row(progress.getMessageId(), """
                plan_version, objective_code, action_code, action_weight, target_value, target_kind, operation_start,
                operation_end, region_name, report_date, fiscal_month, fiscal_quarter, achieved_percent,
                planned_percent, schedule_variance, budget_object_code, budget_funding_source, budget_amount,
                cumulative_spend, execution_percent""")).containsExactly(
                "3", "11", "11.04", "25", "12.5", "PERCENT", "2020-01-02", "2020-12-31", "La Paz", "2020-02-29", "2",
                "1", "-0.05", "16.44", "-16.49", "25220", "Columna 1", "11320195.00", "0.00", "0.00");
        assertThat(rawPayload(progress.getMessageId())).isEqualTo(report.source().value());
    }

    @Test
    void aRejectedExpenditureReportHasNoEnrichmentAndKeepsItsAmountToTheCentavo() {
        ExpenditureReport reversal = expenditure("-1234567.89");
        ExpenditureReport zero = expenditure("0.00");

        writer.insertReports(List.of(
                new ReportRow(decoded(reversal, 0, 1), OutcomeStatus.REJECTED, null),
                new ReportRow(decoded(zero, 0, 2), OutcomeStatus.REJECTED, null)));

        assertThat(row(reversal.getMessageId(), """
                kind, achieved_value, percent_complete, period_start, object_code, funding_source, amount, spent_on,
                document_number, reverses_message_id, plan_version, fiscal_month, budget_amount""")).containsExactly(
                "EXPENDITURE", null, null, null, "25220", "Columna 2", "-1234567.89", "2020-03-15", "C-Ñandú 7",
                reversal.getReversesMessageId().toString(), null, null, null);
        assertThat(row(zero.getMessageId(), "amount")).containsExactly("0.00");
    }

    @Test
    void anOutcomeKeepsItsSpanishFindingsAndTime() {
        ExpenditureReport report = expenditure("10.00");
        writer.insertReports(List.of(new ReportRow(decoded(report, 0, 1), OutcomeStatus.REJECTED, null)));
        ReportOutcome outcome = ReportOutcome.newBuilder().setMessageId(report.getMessageId()).setRegionCode("BO-L")
                .setReportKind(ReportKind.EXPENDITURE).setStatus(OutcomeStatus.REJECTED)
                .setFindings(List.of(new Finding("AMOUNT_NOT_POSITIVE", Severity.ERROR, "amount",
                        "El monto debe ser mayor que cero (línea «25220»)")))
                .setProcessedAt(Instant.parse("2020-10-01T12:34:57.250Z")).build();

        writer.insertOutcomes(List.of(outcome));

        assertThat(sql.sql("""
                select status, findings->0->>'message', findings->0->>'code', processed_at::text
                from report_outcome where message_id = ?""").param(report.getMessageId())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single()).containsExactly("REJECTED", "El monto debe ser mayor que cero (línea «25220»)",
                "AMOUNT_NOT_POSITIVE", "2020-10-01 12:34:57.25+00");
    }

    @Test
    void aReportAlreadyStoredFailsTheCopyAsADuplicateKeySoTheBatchRunsAgain() {
        ExpenditureReport report = expenditure("10.00");
        ReportRow row = new ReportRow(decoded(report, 0, 1), OutcomeStatus.ACCEPTED, null);
        writer.insertReports(List.of(row));

        assertThatThrownBy(() -> writer.insertReports(List.of(
                new ReportRow(decoded(expenditure("5.00"), 0, 2), OutcomeStatus.ACCEPTED, null), row)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(sql.sql("select count(*) from report").query(Integer.class).single()).isEqualTo(1);
    }

    private DecodedReport decoded(SpecificRecord report, int partition, long offset) {
        String topic = report instanceof ProgressReport ? Topics.progress("BO-L") : Topics.expenditure("BO-L");
        IncomingRecord source = new IncomingRecord(topic, partition, offset, serializer.serialize(topic, report));
        return new DecodedReport(report, source, "BO-L", 1);
    }

    private static ExpenditureReport expenditure(String amount) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId("agent-lp").setRegionCode("BO-L").setSequence(1)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220")
                .setFundingSource("Columna 2").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-Ñandú 7").setReportedAt(REPORTED_AT).setReversesMessageId(UUID.randomUUID())
                .setClientVersion(null)
                .build();
    }

    private static ReportEnrichment enrichment() {
        return new ReportEnrichment(3, "11", "11.04", 25, new BigDecimal("12.5"), "PERCENT",
                LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31), "La Paz", LocalDate.of(2020, 2, 29), 2, 1,
                new BigDecimal("-0.05"), new BigDecimal("16.44"), new BigDecimal("-16.49"), "25220", "Columna 1",
                new BigDecimal("11320195.00"), new BigDecimal("0.00"), new BigDecimal("0"));
    }

    /** The named columns of a report as PostgreSQL prints them. */
    private List<String> row(UUID messageId, String columns) {
        String[] names = columns.split(",");
        String select = String.join(", ", Arrays.stream(names).map(c -> c.strip() + "::text").toList());
        return sql.sql("select " + select + " from report where message_id = ?").param(messageId)
                .query((rs, n) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= names.length; i++) {
                        values.add(rs.getString(i));
                    }
                    return values;
                }).single();
    }

    private byte[] rawPayload(UUID messageId) {
        return sql.sql("select raw_payload from report where message_id = ?").param(messageId)
                .query(byte[].class).single();
    }
}
