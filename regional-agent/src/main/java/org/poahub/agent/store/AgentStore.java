package org.poahub.agent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.Finding;
import org.poahub.rules.PlanView;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;
import org.poahub.rules.ReportHistory;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;
import org.poahub.rules.ValidationResult;
import org.sqlite.SQLiteConfig;

/**
 * The agent's durable local store (SQLite, WAL, {@code synchronous=FULL}): the outbox, the cached plan, the hub's
 * outcomes and the sync status. A save returns only after its transaction is on disk.
 * <p>
 * One connection, guarded by this object's monitor: the forwarder, the receipt listener and the inputs share it,
 * and a second process (a command run while the service runs) waits on SQLite's busy timeout.
 */
public final class AgentStore implements AutoCloseable, ReportHistory, PlanView {

    private final Connection db;
    /** Prepared once and reused: preparing costs more than running these small statements. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final RegionCatalogue regions = RegionCatalogue.loadDefault();
    private Map<String, PlannedOperation> plan;

    private AgentStore(Connection db) {
        this.db = db;
    }

    public static AgentStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(30_000);
            config.enforceForeignKeys(true);
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            AgentStore store = new AgentStore(connection);
            store.createSchema();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file, e);
        }
    }

    private void createSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS outbox (
                      seq INTEGER PRIMARY KEY,
                      message_id TEXT NOT NULL UNIQUE,
                      kind TEXT NOT NULL,
                      region TEXT NOT NULL,
                      fiscal_year INTEGER NOT NULL,
                      operation_code TEXT NOT NULL,
                      object_code TEXT,
                      funding_source TEXT,
                      value TEXT NOT NULL,
                      reference_id TEXT,
                      payload BLOB NOT NULL,
                      state TEXT NOT NULL,
                      warnings TEXT,
                      created_at INTEGER NOT NULL,
                      sent_at INTEGER)""");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, seq)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS outbox_progress ON outbox(kind, operation_code, region, "
                    + "fiscal_year, seq)");
            // running totals per budget line, kept in the saving transaction: the budget rule reads them once per
            // report instead of summing every earlier expenditure (which made a 10,000-row import quadratic)
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS spend_total (
                      fiscal_year INTEGER NOT NULL,
                      operation_code TEXT NOT NULL,
                      object_code TEXT NOT NULL,
                      funding_source TEXT NOT NULL,
                      total TEXT NOT NULL,
                      PRIMARY KEY (fiscal_year, operation_code, object_code, funding_source))""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS outcome (
                      message_id TEXT PRIMARY KEY,
                      status TEXT NOT NULL,
                      findings TEXT,
                      processed_at INTEGER NOT NULL,
                      received_at INTEGER NOT NULL)""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS plan_operation (
                      fiscal_year INTEGER NOT NULL,
                      code TEXT NOT NULL,
                      start_date TEXT NOT NULL,
                      end_date TEXT NOT NULL,
                      PRIMARY KEY (fiscal_year, code))""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS plan_budget_line (
                      fiscal_year INTEGER NOT NULL,
                      operation_code TEXT NOT NULL,
                      object_code TEXT NOT NULL,
                      funding_source TEXT NOT NULL,
                      amount TEXT NOT NULL)""");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS status (key TEXT PRIMARY KEY, value TEXT)");
        }
    }

    // ---------------------------------------------------------------- saving reports

    /**
     * Saves the drafts in one transaction, all or nothing. With a validator, every draft is checked first against
     * the cached plan and the history (which includes the drafts before it in the batch); any ERROR finding rolls
     * the whole batch back.
     */
    public synchronized SaveResult save(List<? extends ReportDraft> drafts, ReportValidator validator) {
        List<SaveResult.Saved> saved = new ArrayList<>(drafts.size());
        Map<Integer, List<Finding>> rejected = new LinkedHashMap<>();
        try {
            db.setAutoCommit(false);
            long next = nextSequence();
            long now = System.currentTimeMillis();
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO outbox (seq, message_id, kind, region, fiscal_year, operation_code, object_code,
                      funding_source, value, reference_id, payload, state, warnings, created_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,'PENDIENTE',?,?)""")) {
                for (int i = 0; i < drafts.size(); i++) {
                    UUID id = UUID.randomUUID();
                    SpecificRecordBase record = drafts.get(i).build(id, next);
                    List<Finding> warnings = List.of();
                    if (validator != null) {
                        ValidationResult result = record instanceof ProgressReport p ? validator.validate(p, null)
                                : validator.validate((ExpenditureReport) record, null);
                        if (result.rejected()) {
                            rejected.put(i, result.errors());
                            continue;
                        }
                        warnings = result.findings();
                    }
                    bind(insert, record, warnings, now);
                    // executed row by row so that the following drafts of the batch see it in the history
                    insert.executeUpdate();
                    if (record instanceof ExpenditureReport e) {
                        addSpend(e.getFiscalYear(), e.getOperationCode(), e.getObjectCode(), e.getFundingSource(),
                                e.getAmount());
                    }
                    saved.add(new SaveResult.Saved(id, next, warnings));
                    next++;
                }
            }
            if (rejected.isEmpty()) {
                db.commit();
                return new SaveResult(saved, Map.of());
            }
            db.rollback();
            return new SaveResult(List.of(), rejected);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e instanceof RuntimeException r ? r : new StoreException("cannot save reports", (SQLException) e);
        } finally {
            autoCommit();
        }
    }

    private void addSpend(int fiscalYear, String operation, String object, String source, BigDecimal amount)
            throws SQLException {
        BigDecimal total = amount;
        {
            PreparedStatement q = cached("SELECT total FROM spend_total WHERE fiscal_year = ? AND "
                + "operation_code = ? AND object_code = ? AND funding_source = ?");
            q.setInt(1, fiscalYear);
            q.setString(2, operation);
            q.setString(3, object);
            q.setString(4, source);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    total = total.add(new BigDecimal(rs.getString(1)));
                }
            }
        }
        {
            PreparedStatement u = cached("INSERT OR REPLACE INTO spend_total VALUES (?,?,?,?,?)");
            u.setInt(1, fiscalYear);
            u.setString(2, operation);
            u.setString(3, object);
            u.setString(4, source);
            u.setString(5, total.toPlainString());
            u.executeUpdate();
        }
    }

    private long nextSequence() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void bind(PreparedStatement insert, SpecificRecordBase record, List<Finding> warnings, long now)
            throws SQLException {
        try {
            if (record instanceof ProgressReport p) {
                insert.setLong(1, p.getSequence());
                insert.setString(2, p.getMessageId().toString());
                insert.setString(3, ReportKind.PROGRESS.name());
                insert.setString(4, p.getRegionCode());
                insert.setInt(5, p.getFiscalYear());
                insert.setString(6, p.getOperationCode());
                insert.setNull(7, Types.VARCHAR);
                insert.setNull(8, Types.VARCHAR);
                insert.setString(9, p.getAchievedValue().toPlainString());
                insert.setString(10, p.getCorrectsMessageId() == null ? null : p.getCorrectsMessageId().toString());
                insert.setBytes(11, bytes(ProgressReport.getEncoder().encode(p)));
            } else {
                ExpenditureReport e = (ExpenditureReport) record;
                insert.setLong(1, e.getSequence());
                insert.setString(2, e.getMessageId().toString());
                insert.setString(3, ReportKind.EXPENDITURE.name());
                insert.setString(4, e.getRegionCode());
                insert.setInt(5, e.getFiscalYear());
                insert.setString(6, e.getOperationCode());
                insert.setString(7, e.getObjectCode());
                insert.setString(8, e.getFundingSource());
                insert.setString(9, e.getAmount().toPlainString());
                insert.setString(10, e.getReversesMessageId() == null ? null : e.getReversesMessageId().toString());
                insert.setBytes(11, bytes(ExpenditureReport.getEncoder().encode(e)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        insert.setString(12, warnings.isEmpty() ? null : Findings.encode(warnings));
        insert.setLong(13, now);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** Decodes an outbox payload back into its Avro record. */
    public static SpecificRecordBase decode(ReportKind kind, byte[] payload) {
        try {
            return kind == ReportKind.PROGRESS ? ProgressReport.getDecoder().decode(payload)
                    : ExpenditureReport.getDecoder().decode(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored record of a report, to build a correction or a reversal of it. */
    public synchronized Optional<SpecificRecordBase> record(UUID messageId) {
        try (PreparedStatement q = db.prepareStatement("SELECT kind, payload FROM outbox WHERE message_id = ?")) {
            q.setString(1, messageId.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(decode(ReportKind.valueOf(rs.getString(1)), rs.getBytes(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read report " + messageId, e);
        }
    }

    // ---------------------------------------------------------------- forwarding

    /** Up to {@code limit} pending reports with a sequence above {@code afterSequence}, oldest first. */
    public synchronized List<OutboxRow> pending(long afterSequence, int limit) {
        List<OutboxRow> rows = new ArrayList<>(limit);
        try (PreparedStatement q = db.prepareStatement("SELECT seq, kind, operation_code, payload FROM outbox "
                + "WHERE state = 'PENDIENTE' AND seq > ? ORDER BY seq LIMIT ?")) {
            q.setLong(1, afterSequence);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), ReportKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getBytes(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the outbox", e);
        }
    }

    /** Marks reports sent (the broker acknowledged them) in one transaction; never moves an outcome back. */
    public synchronized void markSent(List<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE outbox SET state = 'ENVIADO', sent_at = ? WHERE seq = ? AND state = 'PENDIENTE'")) {
                for (long seq : sequences) {
                    u.setLong(1, now);
                    u.setLong(2, seq);
                    u.addBatch();
                }
                u.executeBatch();
            }
            setStatus("last_contact", Long.toString(now));
            db.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("cannot mark reports sent", e);
        } finally {
            autoCommit();
        }
    }

    public synchronized long count(ReportState state) {
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
            q.setString(1, state.name());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count reports", e);
        }
    }

    public synchronized long countAll() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count reports", e);
        }
    }

    // ---------------------------------------------------------------- outcomes

    /** Stores the hub's outcome and moves the report to its final state. Idempotent. */
    public synchronized void saveOutcome(ReportOutcome outcome) {
        List<Finding> findings = outcome.getFindings().stream()
                .map(f -> new Finding(f.getCode(), f.getSeverity(), f.getField(), f.getMessage())).toList();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement u = db.prepareStatement("INSERT OR REPLACE INTO outcome (message_id, status, findings, "
                    + "processed_at, received_at) VALUES (?,?,?,?,?)")) {
                u.setString(1, outcome.getMessageId().toString());
                u.setString(2, outcome.getStatus().name());
                u.setString(3, Findings.encode(findings));
                u.setLong(4, outcome.getProcessedAt().toEpochMilli());
                u.setLong(5, System.currentTimeMillis());
                u.executeUpdate();
            }
            if (outcome.getStatus() == org.poahub.contract.OutcomeStatus.REJECTED) {
                try (PreparedStatement q = db.prepareStatement("SELECT fiscal_year, operation_code, object_code, "
                        + "funding_source, value FROM outbox WHERE message_id = ? AND kind = 'EXPENDITURE' "
                        + "AND state <> 'RECHAZADO'")) {
                    q.setString(1, outcome.getMessageId().toString());
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            addSpend(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    new BigDecimal(rs.getString(5)).negate());
                        }
                    }
                }
            }
            try (PreparedStatement u = db.prepareStatement(
                    "UPDATE outbox SET state = ?, sent_at = COALESCE(sent_at, ?) WHERE message_id = ?")) {
                u.setString(1, ReportState.of(outcome.getStatus()).name());
                u.setLong(2, System.currentTimeMillis());
                u.setString(3, outcome.getMessageId().toString());
                u.executeUpdate();
            }
            setStatus("last_contact", Long.toString(System.currentTimeMillis()));
            db.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("cannot store outcome " + outcome.getMessageId(), e);
        } finally {
            autoCommit();
        }
    }

    /** Reports in sequence order, optionally only those in one state; newest {@code limit} when limit > 0. */
    public synchronized List<StoredReport> list(ReportState only, int limit) {
        String sql = "SELECT o.seq, o.message_id, o.kind, o.operation_code, o.value, o.state, o.created_at, o.sent_at, "
                + "o.warnings, c.findings FROM outbox o LEFT JOIN outcome c ON c.message_id = o.message_id"
                + (only == null ? "" : " WHERE o.state = ?") + " ORDER BY o.seq DESC"
                + (limit > 0 ? " LIMIT " + limit : "");
        List<StoredReport> reports = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (only != null) {
                q.setString(1, only.name());
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String hub = rs.getString(10);
                    long sent = rs.getLong(8);
                    reports.add(new StoredReport(rs.getLong(1), UUID.fromString(rs.getString(2)),
                            ReportKind.valueOf(rs.getString(3)), rs.getString(4), new BigDecimal(rs.getString(5)),
                            ReportState.valueOf(rs.getString(6)), Instant.ofEpochMilli(rs.getLong(7)),
                            rs.wasNull() || sent == 0 ? null : Instant.ofEpochMilli(sent),
                            Findings.decode(hub != null ? hub : rs.getString(9))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list reports", e);
        }
        java.util.Collections.reverse(reports);
        return reports;
    }

    // ---------------------------------------------------------------- sync status

    public synchronized void recordError(String message) {
        try {
            setStatus("last_error", message);
            setStatus("last_error_at", Long.toString(System.currentTimeMillis()));
        } catch (SQLException e) {
            throw new StoreException("cannot record the sync error", e);
        }
    }

    public synchronized void recordContact() {
        try {
            setStatus("last_contact", Long.toString(System.currentTimeMillis()));
        } catch (SQLException e) {
            throw new StoreException("cannot record the contact", e);
        }
    }

    public synchronized Optional<String> status(String key) {
        try (PreparedStatement q = db.prepareStatement("SELECT value FROM status WHERE key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read status " + key, e);
        }
    }

    private void setStatus(String key, String value) throws SQLException {
        try (PreparedStatement u = db.prepareStatement("INSERT OR REPLACE INTO status (key, value) VALUES (?, ?)")) {
            u.setString(1, key);
            u.setString(2, value);
            u.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- plan cache

    /** Replaces the cached plan of a fiscal year (all operations and budget lines) in one transaction. */
    public synchronized void replacePlan(int fiscalYear, List<PlannedOperation> operations, String version) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement d1 = db.prepareStatement("DELETE FROM plan_operation WHERE fiscal_year = ?");
                 PreparedStatement d2 = db.prepareStatement("DELETE FROM plan_budget_line WHERE fiscal_year = ?")) {
                d1.setInt(1, fiscalYear);
                d1.executeUpdate();
                d2.setInt(1, fiscalYear);
                d2.executeUpdate();
            }
            try (PreparedStatement op = db.prepareStatement("INSERT INTO plan_operation VALUES (?,?,?,?)");
                 PreparedStatement line = db.prepareStatement("INSERT INTO plan_budget_line VALUES (?,?,?,?,?)")) {
                for (PlannedOperation o : operations) {
                    op.setInt(1, fiscalYear);
                    op.setString(2, o.code());
                    op.setString(3, o.start().toString());
                    op.setString(4, o.end().toString());
                    op.addBatch();
                    for (PlannedBudgetLine l : o.budgetLines()) {
                        line.setInt(1, fiscalYear);
                        line.setString(2, o.code());
                        line.setString(3, l.objectCode());
                        line.setString(4, l.fundingSource() == null ? "" : l.fundingSource());
                        line.setString(5, l.amount().toPlainString());
                        line.addBatch();
                    }
                }
                op.executeBatch();
                line.executeBatch();
            }
            setStatus("plan_version_" + fiscalYear, version);
            db.commit();
            plan = null;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("cannot store the plan", e);
        } finally {
            autoCommit();
        }
    }

    public synchronized boolean hasPlan(int fiscalYear) {
        return operations().keySet().stream().anyMatch(k -> k.startsWith(fiscalYear + "|"));
    }

    /** Cached operations of every fiscal year (reloaded after a plan update). */
    public synchronized List<PlannedOperation> planOperations(int fiscalYear) {
        return operations().values().stream().filter(o -> o.fiscalYear() == fiscalYear).toList();
    }

    private Map<String, PlannedOperation> operations() {
        if (plan != null) {
            return plan;
        }
        Map<String, List<PlannedBudgetLine>> lines = new HashMap<>();
        Map<String, PlannedOperation> ops = new LinkedHashMap<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT fiscal_year, operation_code, object_code, funding_source, amount "
                    + "FROM plan_budget_line")) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getInt(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(new PlannedBudgetLine(rs.getString(3), rs.getString(4), new BigDecimal(rs.getString(5))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT fiscal_year, code, start_date, end_date FROM plan_operation "
                    + "ORDER BY fiscal_year, code")) {
                while (rs.next()) {
                    String key = rs.getInt(1) + "|" + rs.getString(2);
                    ops.put(key, new PlannedOperation(rs.getString(2), rs.getInt(1), LocalDate.parse(rs.getString(3)),
                            LocalDate.parse(rs.getString(4)), lines.getOrDefault(key, List.of())));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the plan cache", e);
        }
        plan = ops;
        return ops;
    }

    @Override
    public synchronized Optional<PlannedOperation> operation(int fiscalYear, String operationCode) {
        return Optional.ofNullable(operations().get(fiscalYear + "|" + operationCode));
    }

    @Override
    public boolean isKnownRegion(String regionCode) {
        return regions.isKnown(regionCode);
    }

    // ---------------------------------------------------------------- history for the rules

    @Override
    public synchronized Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear,
                                                                        String operationCode) {
        try {
            PreparedStatement q = cached("SELECT value FROM outbox WHERE kind = 'PROGRESS' AND region = ? "
                + "AND fiscal_year = ? AND operation_code = ? AND state <> 'RECHAZADO' ORDER BY seq DESC LIMIT 1");
            q.setString(1, regionCode);
            q.setInt(2, fiscalYear);
            q.setString(3, operationCode);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new BigDecimal(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read progress history", e);
        }
    }

    @Override
    public synchronized Optional<RecordedReport> findReport(UUID messageId) {
        try {
            PreparedStatement q = cached("SELECT region, kind, value FROM outbox WHERE message_id = ?");
            q.setString(1, messageId.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new RecordedReport(messageId, rs.getString(1),
                        ReportKind.valueOf(rs.getString(2)), new BigDecimal(rs.getString(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read report " + messageId, e);
        }
    }

    @Override
    public synchronized BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        BigDecimal sum = BigDecimal.ZERO;
        try {
            PreparedStatement q = cached("SELECT object_code, funding_source, total FROM spend_total "
                + "WHERE fiscal_year = ? AND operation_code = ?");
            q.setInt(1, fiscalYear);
            q.setString(2, operationCode);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (line.covers(rs.getString(1), rs.getString(2))) {
                        sum = sum.add(new BigDecimal(rs.getString(3)));
                    }
                }
            }
            return sum;
        } catch (SQLException e) {
            throw new StoreException("cannot read expenditure history", e);
        }
    }

    /** A validator over this store's plan cache and history. */
    public ReportValidator validator(RuleSettings settings) {
        return new ReportValidator(this, this, settings);
    }

    // ----------------------------------------------------------------

    private PreparedStatement cached(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = db.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("cannot restore auto-commit", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store", e);
        }
    }
}
