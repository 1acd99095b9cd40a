package org.poahub.routes.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;

/**
 * A report decoded from its record: either a {@link ProgressReport} or an {@link ExpenditureReport}.
 *
 * @param topicRegion the region of the topic it came on (a report must come on its own region's topic)
 * @param schemaId    the registry id of the schema the agent wrote it with
 */
public record DecodedReport(SpecificRecord report, IncomingRecord source, String topicRegion, int schemaId) {

    public DecodedReport {
        if (!(report instanceof ProgressReport) && !(report instanceof ExpenditureReport)) {
            throw new IllegalArgumentException("Not a report: " + report.getClass().getName());
        }
    }

    public ReportKind kind() {
        return report instanceof ProgressReport ? ReportKind.PROGRESS : ReportKind.EXPENDITURE;
    }

    public UUID messageId() {
        return report instanceof ProgressReport p ? p.getMessageId() : ((ExpenditureReport) report).getMessageId();
    }

    public String regionCode() {
        return report instanceof ProgressReport p ? p.getRegionCode() : ((ExpenditureReport) report).getRegionCode();
    }

    public String agentId() {
        return report instanceof ProgressReport p ? p.getAgentId() : ((ExpenditureReport) report).getAgentId();
    }

    public long sequence() {
        return report instanceof ProgressReport p ? p.getSequence() : ((ExpenditureReport) report).getSequence();
    }

    public int fiscalYear() {
        return report instanceof ProgressReport p ? p.getFiscalYear() : ((ExpenditureReport) report).getFiscalYear();
    }

    public String operationCode() {
        return report instanceof ProgressReport p ? p.getOperationCode()
                : ((ExpenditureReport) report).getOperationCode();
    }

    public Instant reportedAt() {
        return report instanceof ProgressReport p ? p.getReportedAt() : ((ExpenditureReport) report).getReportedAt();
    }

    /** The day the report is filed under (consolidation, review periods): period end, or the day of the spend. */
    public LocalDate reportDate() {
        return report instanceof ProgressReport p ? p.getPeriodEnd() : ((ExpenditureReport) report).getSpentOn();
    }

    public ProgressReport progress() {
        return (ProgressReport) report;
    }

    public ExpenditureReport expenditure() {
        return (ExpenditureReport) report;
    }
}
