package org.poahub.agent.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.poahub.contract.ReportKind;
import org.poahub.rules.Finding;

/** One row of the outbox as listed to the office, with the hub's outcome once it arrived. */
public record StoredReport(long sequence, UUID messageId, ReportKind kind, String operationCode, BigDecimal value,
                           ReportState state, Instant createdAt, Instant sentAt, List<Finding> findings) {
}
