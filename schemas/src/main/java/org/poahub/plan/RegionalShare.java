package org.poahub.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One region's part of an operation: the region (ISO 3166-2:BO code from the {@link RegionCatalogue}) and its
 * share of the operation's target and budget, each as a percentage (0 … 100) of the national figure.
 */
public record RegionalShare(String regionCode, BigDecimal targetSharePercent, BigDecimal budgetSharePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RegionalShare {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(targetSharePercent, "targetSharePercent");
        Objects.requireNonNull(budgetSharePercent, "budgetSharePercent");
        for (BigDecimal p : new BigDecimal[] {targetSharePercent, budgetSharePercent}) {
            if (p.signum() < 0 || p.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("share " + p + " of region " + regionCode + " is not within 0..100");
            }
        }
    }
}
