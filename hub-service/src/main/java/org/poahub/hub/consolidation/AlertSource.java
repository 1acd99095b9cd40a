package org.poahub.hub.consolidation;

import java.time.LocalDate;
import java.util.List;
import org.poahub.hub.consolidation.Consolidation.Alert;

/**
 * Alerts another feature contributes to the consolidated alerts list (e.g. the reconciliation with SIGEP), so that
 * consolidation knows the list, not the features behind it. Every bean of this type is asked each time the figures
 * are read; its alerts follow the physical-vs-financial ones of {@link AlertRules}.
 */
public interface AlertSource {

    /**
     * The alerts of a fiscal year as of a date, in Spanish; only those of {@code regionCode}'s data when it is not
     * null (what a REGIONAL user sees). {@link Alert#operationCode()} is "" when the alert is not about one operation.
     */
    List<Alert> alerts(int fiscalYear, LocalDate asOf, String regionCode);
}
