package org.poahub.hub.finance.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation's entries in the alerts list and its gauges (docs/finance.md, "Alerts and gauges").
 *
 * @param unrecordedSpendDays a regional expense whose voucher SIGEP does not have is an alert once it was spent at least
 *                            this many days before the voucher listing's cut-off date (SIGEP had that long to record
 *                            it); default 30
 * @param gaugeRefresh        how often the open-difference gauges are read from the newest runs (default 30 s)
 */
@ConfigurationProperties("poa.finance.alerts")
public record FinanceAlertProperties(
        @DefaultValue("30") int unrecordedSpendDays,
        @DefaultValue("30s") Duration gaugeRefresh) {

    public FinanceAlertProperties {
        if (unrecordedSpendDays < 0) {
            throw new IllegalArgumentException("poa.finance.alerts.unrecorded-spend-days must be >= 0: "
                    + unrecordedSpendDays);
        }
    }
}
