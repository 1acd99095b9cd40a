package org.poahub.hub.consolidation;

import java.math.BigDecimal;

/** How physical progress compares with planned progress; the label is what staff read. */
public enum ProgressStatus {
    ON_TRACK("Al día"),
    AT_RISK("En riesgo"),
    BEHIND("Retrasada");

    private final String label;

    ProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * From the schedule variance (physical − planned, in percentage points): on track down to {@code -atRiskPoints}
     * included, at risk down to {@code -behindPoints} included, behind below that.
     */
    public static ProgressStatus of(BigDecimal variance, BigDecimal atRiskPoints, BigDecimal behindPoints) {
        if (variance.compareTo(atRiskPoints.negate()) >= 0) {
            return ON_TRACK;
        }
        return variance.compareTo(behindPoints.negate()) >= 0 ? AT_RISK : BEHIND;
    }
}
