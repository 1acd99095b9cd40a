package org.poahub.hub.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review of periods ({@code poa.review.*}, docs/review.md).
 *
 * @param granularity how a fiscal year is cut into periods: {@code MONTH} (default) or {@code QUARTER}. Periods
 *                    already presented keep the dates they were created with.
 */
@ConfigurationProperties("poa.review")
public record ReviewProperties(@DefaultValue("MONTH") PeriodGranularity granularity) {
}
