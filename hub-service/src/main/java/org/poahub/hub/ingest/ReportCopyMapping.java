package org.poahub.hub.ingest;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.ingest.IngestBatchWriter.ReportRow;

/** The columns of a {@code report} row as written by a binary COPY, in the table's types. */
final class ReportCopyMapping extends AbstractMapping<ReportRow> {

    ReportCopyMapping() {
        super("", "report");
        mapUUID("message_id", row -> row.report().messageId());
        mapText("kind", row -> row.report().kind().name());
        mapText("status", row -> row.status().name());
        mapText("region_code", row -> row.report().regionCode());
        mapText("agent_id", row -> row.report().agentId());
        mapLongPrimitive("sequence", row -> row.report().sequence());
        mapIntegerPrimitive("fiscal_year", row -> row.report().fiscalYear());
        mapText("operation_code", row -> row.report().operationCode());
        mapNumeric("achieved_value", fromProgress(ProgressReport::getAchievedValue));
        mapNumeric("percent_complete", fromProgress(ProgressReport::getPercentComplete));
        mapDate("period_start", fromProgress(ProgressReport::getPeriodStart));
        mapDate("period_end", fromProgress(ProgressReport::getPeriodEnd));
        mapUUID("corrects_message_id", fromProgress(ProgressReport::getCorrectsMessageId));
        mapText("object_code", fromExpenditure(ExpenditureReport::getObjectCode));
        mapText("funding_source", fromExpenditure(ExpenditureReport::getFundingSource));
        mapNumeric("amount", fromExpenditure(ExpenditureReport::getAmount));
        mapDate("spent_on", fromExpenditure(ExpenditureReport::getSpentOn));
        mapText("document_number", fromExpenditure(ExpenditureReport::getDocumentNumber));
        mapUUID("reverses_message_id", fromExpenditure(ExpenditureReport::getReversesMessageId));
        mapTimeStampTz("reported_at", row -> row.report().reportedAt().atZone(ZoneOffset.UTC));
        mapByteArray("raw_payload", row -> row.report().source().value());
        mapIntegerPrimitive("schema_id", row -> row.report().schemaId());
        mapText("topic", row -> row.report().source().topic());
        mapIntegerPrimitive("kafka_partition", row -> row.report().source().partition());
        mapLongPrimitive("kafka_offset", row -> row.report().source().offset());
        mapInteger("plan_version", fromEnrichment(ReportEnrichment::planVersion));
        mapText("objective_code", fromEnrichment(ReportEnrichment::objectiveCode));
        mapText("action_code", fromEnrichment(ReportEnrichment::actionCode));
        mapInteger("action_weight", fromEnrichment(ReportEnrichment::actionWeight));
        mapNumeric("target_value", fromEnrichment(ReportEnrichment::targetValue));
        mapText("target_kind", fromEnrichment(ReportEnrichment::targetKind));
        mapDate("operation_start", fromEnrichment(ReportEnrichment::operationStart));
        mapDate("operation_end", fromEnrichment(ReportEnrichment::operationEnd));
        mapText("region_name", fromEnrichment(ReportEnrichment::regionName));
        mapDate("report_date", fromEnrichment(ReportEnrichment::reportDate));
        mapShort("fiscal_month", fromEnrichment(ReportEnrichment::fiscalMonth));
        mapShort("fiscal_quarter", fromEnrichment(ReportEnrichment::fiscalQuarter));
        mapNumeric("achieved_percent", fromEnrichment(ReportEnrichment::achievedPercent));
        mapNumeric("planned_percent", fromEnrichment(ReportEnrichment::plannedPercent));
        mapNumeric("schedule_variance", fromEnrichment(ReportEnrichment::scheduleVariance));
        mapText("budget_object_code", fromEnrichment(ReportEnrichment::budgetObjectCode));
        mapText("budget_funding_source", fromEnrichment(ReportEnrichment::budgetFundingSource));
        mapNumeric("budget_amount", fromEnrichment(ReportEnrichment::budgetAmount));
        mapNumeric("cumulative_spend", fromEnrichment(ReportEnrichment::cumulativeSpend));
        mapNumeric("execution_percent", fromEnrichment(ReportEnrichment::executionPercent));
    }

    private static ProgressReport progress(ReportRow row) {
        return row.report().kind() == ReportKind.PROGRESS ? row.report().progress() : null;
    }

    private static ExpenditureReport expenditure(ReportRow row) {
        return row.report().kind() == ReportKind.EXPENDITURE ? row.report().expenditure() : null;
    }

    /** A progress report's value; null on an expenditure row. */
    private static <V> Function<ReportRow, V> fromProgress(Function<ProgressReport, V> value) {
        return row -> progress(row) != null ? value.apply(progress(row)) : null;
    }

    /** An expenditure report's value; null on a progress row. */
    private static <V> Function<ReportRow, V> fromExpenditure(Function<ExpenditureReport, V> value) {
        return row -> expenditure(row) != null ? value.apply(expenditure(row)) : null;
    }

    /** An enrichment value; null on a rejected report, which has no enrichment. */
    private static <V> Function<ReportRow, V> fromEnrichment(Function<ReportEnrichment, V> value) {
        return row -> row.enrichment() != null ? value.apply(row.enrichment()) : null;
    }
}
