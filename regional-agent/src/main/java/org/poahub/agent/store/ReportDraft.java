package org.poahub.agent.store;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A report before it is saved. The store assigns its message id (once, for life) and its per-agent sequence
 * inside the saving transaction, so a draft builds the record from them.
 */
@FunctionalInterface
public interface ReportDraft {

    /** @return a {@code ProgressReport} or an {@code ExpenditureReport} */
    SpecificRecordBase build(UUID messageId, long sequence);
}
