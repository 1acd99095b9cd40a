package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the consolidated figures (docs/consolidation.md, "Status" and "Alerts"), in percentage points or
 * percent.
 *
 * @param atRiskPoints                a variance below {@code -atRiskPoints} is at risk
 * @param behindPoints                a variance below {@code -behindPoints} is behind
 * @param spendAheadPoints            financial execution more than this many points ahead of physical progress alerts
 * @param progressWithoutSpendPercent physical progress from this percent up with no spend on a budgeted operation alerts
 * @param noReportPlannedPercent      no progress report at all while planned progress is at least this alerts
 */
@ConfigurationProperties("poa.consolidation")
public record ConsolidationProperties(
        @DefaultValue("10") BigDecimal atRiskPoints,
        @DefaultValue("25") BigDecimal behindPoints,
        @DefaultValue("30") BigDecimal spendAheadPoints,
        @DefaultValue("25") BigDecimal progressWithoutSpendPercent,
        @DefaultValue("50") BigDecimal noReportPlannedPercent) {

    public static final ConsolidationProperties DEFAULTS = new ConsolidationProperties(BigDecimal.valueOf(10),
            BigDecimal.valueOf(25), BigDecimal.valueOf(30), BigDecimal.valueOf(25), BigDecimal.valueOf(50));

    public ConsolidationProperties {
        if (atRiskPoints.signum() < 0 || behindPoints.compareTo(atRiskPoints) < 0) {
            throw new IllegalArgumentException("poa.consolidation: need 0 <= at-risk-points <= behind-points, got "
                    + atRiskPoints + " and " + behindPoints);
        }
    }

    ProgressStatus status(BigDecimal variance) {
        return ProgressStatus.of(variance, atRiskPoints, behindPoints);
    }
}
