package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reconciliation settings (docs/finance.md, "Reconciliation").
 *
 * @param tolerance       |SIGEP − regions| up to this many bolivianos is CONCILIADO (default 0.00)
 * @param recheckInterval how often the hub compares each gestión's latest run with its inputs (regional reports,
 *                        extracts and mapping in force) and recomputes a stale one
 */
@ConfigurationProperties("poa.finance.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("0.00") BigDecimal tolerance,
        @DefaultValue("5m") Duration recheckInterval) {

    public ReconciliationProperties {
        if (tolerance.signum() < 0 || tolerance.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("poa.finance.reconciliation.tolerance must be bolivianos >= 0 with at"
                    + " most two decimals: " + tolerance);
        }
        tolerance = tolerance.setScale(2, RoundingMode.UNNECESSARY);
    }
}
