package org.poahub.hub.finance.export;

import java.time.Instant;

/**
 * One export as {@code finance_export} records it (V22, V24): what was exported (period, version, the state's and the
 * files' SHA-256), by whom, why ({@code API}, {@code PROGRAMADO}, {@code APROBACION}) and when it was delivered to
 * the outbox ({@code deliveredAt}, null until then) and published to the topic ({@code publishedAt}).
 */
public record ExportRecord(long id, String entityCode, int fiscalYear, String period, int version,
        String stateSha256, String fileBase, String csvSha256, String xlsxSha256, String destination,
        String requestedBy, String trigger, Instant createdAt, Instant deliveredAt, Instant publishedAt) {
}
