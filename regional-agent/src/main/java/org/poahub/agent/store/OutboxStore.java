package org.poahub.agent.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.rules.Finding;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.ValidationResult;

/**
 * The outbox ({@code outbox}): reports saved durably before a command returns, each with its per-agent sequence
 * (gap-free, assigned in the saving transaction), its message id (a UUID assigned once, for life), its Avro payload
 * and the offline warnings.
 */
public final class OutboxStore {

    private static final String INSERT = """
            INSERT INTO outbox (seq, message_id, kind, region, fiscal_year, operation_code, object_code,
              funding_source, value, reference_id, payload, state, warnings, created_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,'PENDIENTE',?,?)""";

    private final StoreDatabase db;
    private final SpendTotals spend;

    public OutboxStore(StoreDatabase db, SpendTotals spend) {
        this.db = db;
        this.spend = spend;
    }

    /**
     * Saves the drafts in one transaction, all or nothing. With a validator, every draft is checked first against
     * the cached plan and the history (which includes the drafts before it in the batch); any ERROR finding rolls
     * the whole batch back.
     */
    public SaveResult save(List<? extends ReportDraft> drafts, ReportValidator validator) {
        return db.transaction("cannot save reports", () -> {
            List<SaveResult.Saved> saved = new ArrayList<>(drafts.size());
            Map<Integer, List<Finding>> rejected = new LinkedHashMap<>();
            long next = nextSequence();
            long now = System.currentTimeMillis();
            PreparedStatement insert = db.statement(INSERT);
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
                    spend.add(e.getFiscalYear(), e.getOperationCode(), e.getObjectCode(), e.getFundingSource(),
                            e.getAmount());
                }
                saved.add(new SaveResult.Saved(id, next, warnings));
                next++;
            }
            if (rejected.isEmpty()) {
                return new SaveResult(saved, Map.of());
            }
            db.rollback();
            return new SaveResult(List.of(), rejected);
        });
    }

    /** The stored record of a report, to build a correction or a reversal of it. */
    public Optional<SpecificRecordBase> record(UUID messageId) {
        return db.read("cannot read report " + messageId, () -> {
            PreparedStatement q = db.statement("SELECT kind, payload FROM outbox WHERE message_id = ?");
            q.setString(1, messageId.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(decode(ReportKind.valueOf(rs.getString(1)), rs.getBytes(2)))
                        : Optional.empty();
            }
        });
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

    private long nextSequence() throws SQLException {
        try (ResultSet rs = db.statement("SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox").executeQuery()) {
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
        insert.setString(12, warnings.isEmpty() ? null : FindingsJson.encode(warnings));
        insert.setLong(13, now);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
