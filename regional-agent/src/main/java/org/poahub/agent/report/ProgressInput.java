package org.poahub.agent.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the office enters for a progress report (avance físico). {@code corrects} links a correction. */
public record ProgressInput(int fiscalYear, String operationCode, LocalDate periodStart, LocalDate periodEnd,
                            BigDecimal achievedValue, BigDecimal percentComplete, String narrative,
                            List<String> evidence, String reporter, UUID corrects) {
}
