package org.poahub.hub.ingest;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.time.ZoneOffset;
import org.poahub.contract.ReportOutcome;

/** The columns of a {@code report_outcome} row as written by a binary COPY. */
final class OutcomeCopyMapping extends AbstractMapping<ReportOutcome> {

    OutcomeCopyMapping(FindingsJson findings) {
        super("", "report_outcome");
        mapUUID("message_id", ReportOutcome::getMessageId);
        mapText("region_code", ReportOutcome::getRegionCode);
        mapText("kind", o -> o.getReportKind().name());
        mapText("status", o -> o.getStatus().name());
        mapJsonb("findings", o -> findings.write(o.getFindings()));
        mapTimeStampTz("processed_at", o -> o.getProcessedAt().atZone(ZoneOffset.UTC));
    }
}
