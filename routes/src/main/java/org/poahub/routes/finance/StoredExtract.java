package org.poahub.routes.finance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A loaded extract as stored: its id, period, version within the period and when it was loaded; {@code superseded}
 * is the id of the extract of the same period it replaced, or null.
 */
public record StoredExtract(long id, ExtractKind kind, int fiscalYear, LocalDate cutOff, int version, String source,
        Instant loadedAt, int lineCount, Long superseded) {
}
