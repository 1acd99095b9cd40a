package org.poahub.agent.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What the office enters for an expenditure (ejecución). {@code reverses} links a reversal. */
public record ExpenditureInput(int fiscalYear, String operationCode, String objectCode, String fundingSource,
                               BigDecimal amount, LocalDate spentOn, String documentNumber, String description,
                               UUID reverses) {
}
