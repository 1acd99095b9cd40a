package org.poahub.hub.review;

import java.time.LocalDate;

/**
 * One review period (período) of a fiscal year.
 *
 * @param key e.g. {@code 2020-03} (month) or {@code 2020-T1} (quarter)
 */
public record ReviewPeriod(int fiscalYear, String key, LocalDate start, LocalDate end) {

    boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    boolean overlaps(LocalDate from, LocalDate to) {
        return !to.isBefore(start) && !from.isAfter(end);
    }
}
