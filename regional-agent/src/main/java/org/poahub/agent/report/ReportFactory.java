package org.poahub.agent.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.poahub.agent.store.ReportDraft;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;

/** Turns the office's input into report drafts carrying this agent's identity. */
public final class ReportFactory {

    public static final String CLIENT_VERSION = "regional-agent/"
            + java.util.Objects.requireNonNullElse(ReportFactory.class.getPackage().getImplementationVersion(), "dev");

    private final String agentId;
    private final String region;

    public ReportFactory(String agentId, String region) {
        this.agentId = agentId;
        this.region = region;
    }

    public String region() {
        return region;
    }

    public ReportDraft progress(ProgressInput in) {
        BigDecimal achieved = ContractDecimal.ACHIEVED_VALUE.fit("valor", in.achievedValue());
        BigDecimal percent = in.percentComplete() == null ? null
                : ContractDecimal.PERCENT_COMPLETE.fit("porcentaje", in.percentComplete());
        return (id, sequence) -> ProgressReport.newBuilder().setMessageId(id).setAgentId(agentId)
                .setRegionCode(region).setSequence(sequence).setFiscalYear(in.fiscalYear())
                .setOperationCode(in.operationCode()).setPeriodStart(in.periodStart()).setPeriodEnd(in.periodEnd())
                .setReportedAt(Instant.now()).setAchievedValue(achieved).setPercentComplete(percent)
                .setNarrative(in.narrative() == null ? "" : in.narrative())
                .setEvidence(in.evidence() == null ? List.of() : in.evidence())
                .setReporter(in.reporter() == null ? "" : in.reporter()).setCorrectsMessageId(in.corrects())
                .setClientVersion(CLIENT_VERSION).build();
    }

    public ReportDraft expenditure(ExpenditureInput in) {
        BigDecimal amount = ContractDecimal.AMOUNT.fit("monto", in.amount());
        return (id, sequence) -> ExpenditureReport.newBuilder().setMessageId(id).setAgentId(agentId)
                .setRegionCode(region).setSequence(sequence).setFiscalYear(in.fiscalYear())
                .setOperationCode(in.operationCode()).setObjectCode(in.objectCode())
                .setFundingSource(in.fundingSource()).setAmount(amount).setCurrency("BOB").setSpentOn(in.spentOn())
                .setDocumentNumber(in.documentNumber() == null ? "" : in.documentNumber())
                .setDescription(in.description() == null ? "" : in.description()).setReportedAt(Instant.now())
                .setReversesMessageId(in.reverses()).setClientVersion(CLIENT_VERSION).build();
    }
}
