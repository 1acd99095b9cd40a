package org.poahub.agent.store;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.ReportHistory;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;

/**
 * The agent's local store, a thin facade: it opens the {@link StoreDatabase} (migrating the file's schema) and
 * wires the focused stores over its one connection — {@link OutboxStore}, {@link SendingState},
 * {@link OutcomeStore}, {@link ReportListing}, {@link StatusStore}, {@link PlanCache}, {@link SpendTotals} and
 * {@link ReportHistoryView}. New code should take the store it needs; the delegating methods keep the callers of
 * the single-class store working unchanged.
 */
public final class AgentStore implements AutoCloseable, ReportHistory, PlanView {

    private final StoreDatabase db;
    private final StatusStore status;
    private final PlanCache plan;
    private final OutboxStore outbox;
    private final SendingState sending;
    private final OutcomeStore outcomes;
    private final ReportListing listing;
    private final ReportHistoryView history;

    private AgentStore(StoreDatabase db) {
        this.db = db;
        SpendTotals spend = new SpendTotals(db);
        this.status = new StatusStore(db);
        this.plan = new PlanCache(db, status);
        this.outbox = new OutboxStore(db, spend);
        this.sending = new SendingState(db, status);
        this.outcomes = new OutcomeStore(db, spend, status);
        this.listing = new ReportListing(db);
        this.history = new ReportHistoryView(db, spend);
    }

    public static AgentStore open(Path file) {
        return new AgentStore(StoreDatabase.open(file));
    }

    public StatusStore statusStore() {
        return status;
    }

    public PlanCache planCache() {
        return plan;
    }

    public OutboxStore outbox() {
        return outbox;
    }

    public SendingState sending() {
        return sending;
    }

    public OutcomeStore outcomes() {
        return outcomes;
    }

    public ReportListing listing() {
        return listing;
    }

    public ReportHistoryView history() {
        return history;
    }

    /** A validator over the plan cache and the outbox's history. */
    public ReportValidator validator(RuleSettings settings) {
        return new ReportValidator(plan, history, settings);
    }

    // ---------------------------------------------------------------- delegates of the single-class store

    public SaveResult save(List<? extends ReportDraft> drafts, ReportValidator validator) {
        return outbox.save(drafts, validator);
    }

    public static SpecificRecordBase decode(ReportKind kind, byte[] payload) {
        return OutboxStore.decode(kind, payload);
    }

    public Optional<SpecificRecordBase> record(UUID messageId) {
        return outbox.record(messageId);
    }

    public List<OutboxRow> pending(long afterSequence, int limit) {
        return sending.pending(afterSequence, limit);
    }

    public void markSent(List<Long> sequences) {
        sending.markSent(sequences);
    }

    public long count(ReportState state) {
        return sending.count(state);
    }

    public long countAll() {
        return sending.countAll();
    }

    public void saveOutcome(ReportOutcome outcome) {
        outcomes.saveOutcome(outcome);
    }

    public List<StoredReport> list(ReportState only, int limit) {
        return listing.list(only, limit);
    }

    public void recordError(String message) {
        status.recordError(message);
    }

    public void recordContact() {
        status.recordContact();
    }

    public Optional<String> status(String key) {
        return status.get(key);
    }

    public void replacePlan(int fiscalYear, List<PlannedOperation> operations, String version) {
        plan.replacePlan(fiscalYear, operations, version);
    }

    public boolean hasPlan(int fiscalYear) {
        return plan.hasPlan(fiscalYear);
    }

    public List<PlannedOperation> planOperations(int fiscalYear) {
        return plan.planOperations(fiscalYear);
    }

    @Override
    public Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        return plan.operation(fiscalYear, operationCode);
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return plan.isKnownRegion(regionCode);
    }

    @Override
    public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
        return history.previousCumulativeProgress(regionCode, fiscalYear, operationCode);
    }

    @Override
    public Optional<RecordedReport> findReport(UUID messageId) {
        return history.findReport(messageId);
    }

    @Override
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return history.cumulativeSpend(fiscalYear, operationCode, line);
    }

    @Override
    public void close() {
        db.close();
    }
}
