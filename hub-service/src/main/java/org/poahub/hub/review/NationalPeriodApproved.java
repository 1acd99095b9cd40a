package org.poahub.hub.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A period (período) approved for every region with operations: the national figures of {@code from}..{@code to}
 * are final. Published as a Spring application event inside the approving transaction; listeners that act on it
 * (the financial-system export, {@code finance-execution-out}) use {@code @TransactionalEventListener}, so they run
 * only after that transaction commits and never for an approval that rolled back.
 *
 * @param period the period's key, e.g. {@code 2020-03} for a month
 */
public record NationalPeriodApproved(int fiscalYear, String period, LocalDate from, LocalDate to,
        String approvedBy, Instant approvedAt) {
}
