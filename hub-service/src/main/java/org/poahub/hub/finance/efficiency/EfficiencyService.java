package org.poahub.hub.finance.efficiency;

import java.util.Optional;
import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.finance.reconciliation.SigepDevengado;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the follow-up needs in one transaction: the consolidated figures at the quarter's end and SIGEP's
 * devengado with that cut-off, if an extract has it; {@link EfficiencyCalculator} does the rest.
 */
@Service
public class EfficiencyService {

    private final ConsolidationService consolidation;
    private final SigepDevengado sigep;

    EfficiencyService(ConsolidationService consolidation, SigepDevengado sigep) {
        this.consolidation = consolidation;
        this.sigep = sigep;
    }

    /**
     * Empty when the year has no plan.
     *
     * @throws IllegalArgumentException when {@code quarter} is not 1 … 4
     */
    @Transactional(readOnly = true)
    public Optional<QuarterlyEfficiency> quarter(int fiscalYear, int quarter) {
        return consolidation.atQuarterEnd(fiscalYear, quarter).map(figures -> EfficiencyCalculator.compute(figures,
                quarter, sigep.at(fiscalYear, figures.asOf())));
    }
}
