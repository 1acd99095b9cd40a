package org.poahub.agent.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.agent.report.ExpenditureInput;
import org.poahub.agent.report.ProgressInput;
import org.poahub.agent.report.ReportFactory;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;

/** A store on a real SQLite file in a test's directory, with the bundled SENAVEX 2020 plan and report helpers. */
final class StoreFixture implements AutoCloseable {

    final Path file;
    final ReportFactory factory = new ReportFactory("agente-1", "BO-L");
    AgentStore store;
    ReportValidator validator;

    StoreFixture(Path dir) {
        this.file = dir.resolve("agente.db");
        open();
        BundledPlan.seedIfEmpty(store);
    }

    void open() {
        store = AgentStore.open(file);
        validator = store.validator(RuleSettings.DEFAULTS);
    }

    void reopen() {
        store.close();
        open();
    }

    ReportDraft progress(String operation, String value) {
        return factory.progress(new ProgressInput(2020, operation, LocalDate.of(2020, 3, 1),
                LocalDate.of(2020, 3, 31), new BigDecimal(value), null, "", List.of(), "Ana", null));
    }

    ReportDraft expenditure(String operation, String object, String amount, UUID reverses) {
        return factory.expenditure(new ExpenditureInput(2020, operation, object, "Columna 1", new BigDecimal(amount),
                LocalDate.of(2020, 3, 3), "C-1", "", reverses));
    }

    /** Saves valid drafts and returns the message id of the first. */
    UUID save(ReportDraft... drafts) {
        SaveResult result = store.outbox().save(List.of(drafts), validator);
        if (!result.ok()) {
            throw new IllegalStateException("not saved: " + result.rejected());
        }
        return result.saved().get(0).messageId();
    }

    static ReportOutcome outcome(UUID id, ReportKind kind, OutcomeStatus status, String... codeAndMessage) {
        List<org.poahub.contract.Finding> findings = codeAndMessage.length == 0 ? List.of()
                : List.of(new org.poahub.contract.Finding(codeAndMessage[0],
                        status == OutcomeStatus.REJECTED ? Severity.ERROR : Severity.WARNING, "value",
                        codeAndMessage[1]));
        return ReportOutcome.newBuilder().setMessageId(id).setRegionCode("BO-L").setReportKind(kind)
                .setStatus(status).setFindings(findings).setProcessedAt(Instant.now()).build();
    }

    @Override
    public void close() {
        store.close();
    }
}
