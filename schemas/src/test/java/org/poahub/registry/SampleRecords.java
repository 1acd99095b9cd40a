package org.poahub.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;

/** Realistic records of the SENAVEX 2020 plan for tests. */
final class SampleRecords {
  private SampleRecords() {
  }

  static ProgressReport progress() {
    return ProgressReport.newBuilder()
        .setMessageId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .setAgentId("agent-bo-l-01")
        .setRegionCode("BO-L")
        .setSequence(42)
        .setFiscalYear(2020)
        .setOperationCode("11.04.02")
        .setPeriodStart(LocalDate.of(2020, 3, 1))
        .setPeriodEnd(LocalDate.of(2020, 3, 31))
        .setReportedAt(Instant.ofEpochMilli(1585699200123L))
        .setAchievedValue(new BigDecimal("12345678901234.5678"))
        .setPercentComplete(new BigDecimal("37.50"))
        .setNarrative("Se emitieron certificados de origen en El Alto y Desaguadero")
        .setEvidence(List.of("INF/SENAVEX/LP/012/2020", "ACTA 3/2020"))
        .setReporter("María Quispe Mamani")
        .setCorrectsMessageId(null)
        .setClientVersion("1.4.0")
        .build();
  }

  static ExpenditureReport expenditure() {
    return ExpenditureReport.newBuilder()
        .setMessageId(UUID.fromString("9f0c1a52-7d3e-4b8e-a1f2-3c4d5e6f7a8b"))
        .setAgentId("agent-bo-s-02")
        .setRegionCode("BO-S")
        .setSequence(7)
        .setFiscalYear(2020)
        .setOperationCode("11.04.02")
        .setObjectCode("25220")
        .setFundingSource("41-111")
        .setAmount(new BigDecimal("-1234567890123.45"))
        .setSpentOn(LocalDate.of(2020, 2, 29))
        .setDocumentNumber("C-31/2020")
        .setReportedAt(Instant.ofEpochMilli(1583020800000L))
        .setReversesMessageId(UUID.fromString("00000000-0000-0000-0000-000000000001"))
        .setClientVersion(null)
        .build();
  }

  static ReportOutcome outcome() {
    return ReportOutcome.newBuilder()
        .setMessageId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .setRegionCode("BO-L")
        .setReportKind(ReportKind.PROGRESS)
        .setStatus(OutcomeStatus.ACCEPTED_WITH_WARNINGS)
        .setFindings(List.of(
            Finding.newBuilder().setCode("PERIOD_LATE").setSeverity(Severity.WARNING).setField("periodEnd")
                .setMessage("El informe llegó después del cierre del mes").build(),
            Finding.newBuilder().setCode("NOTE").setSeverity(Severity.WARNING).setField(null)
                .setMessage("Sin observaciones de fondo").build()))
        .setProcessedAt(Instant.ofEpochMilli(1585699300000L))
        .build();
  }
}
