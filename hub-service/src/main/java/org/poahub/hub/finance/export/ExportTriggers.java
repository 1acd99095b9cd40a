package org.poahub.hub.finance.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.poahub.hub.review.NationalPeriodApproved;
import org.poahub.hub.review.ReviewPeriod;
import org.poahub.hub.review.ReviewProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the hub exports by itself: after a national approval of a period commits ({@link NationalPeriodApproved}), and
 * on the schedule {@code poa.finance.export.cron} (off by default; e.g. {@code 0 0 2 * * *}, agency time), which
 * exports the review period (month or quarter, {@code poa.review.granularity}) that contains the day before. An
 * unchanged state is not exported again, so a nightly schedule adds a version only when the figures changed. "Today" is
 * read from the application's {@link Clock} bean when there is one (a test's), else from the system clock.
 */
@Component
class ExportTriggers {

    static final String SYSTEM = "system";
    private static final ZoneId AGENCY_ZONE = ZoneId.of("America/La_Paz");
    private static final Logger log = LoggerFactory.getLogger(ExportTriggers.class);

    private final FinanceExportService exports;
    private final ReviewProperties review;
    private final Clock clock;

    ExportTriggers(FinanceExportService exports, ReviewProperties review, ObjectProvider<Clock> clock) {
        this.exports = exports;
        this.review = review;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Never throws: the approval has committed already. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void approved(NationalPeriodApproved approved) {
        export(approved.fiscalYear(), approved.period(), FinanceExportService.Trigger.APROBACION,
                approved.approvedBy());
    }

    @Scheduled(cron = "${poa.finance.export.cron:-}", zone = "America/La_Paz")
    void scheduled() {
        ReviewPeriod period = review.granularity()
                .containing(LocalDate.ofInstant(clock.instant(), AGENCY_ZONE).minusDays(1));
        export(period.fiscalYear(), period.key(), FinanceExportService.Trigger.PROGRAMADO, SYSTEM);
    }

    private void export(int year, String period, FinanceExportService.Trigger trigger, String actor) {
        try {
            FinanceExportService.ExportResult result = exports.export(year, period, trigger, actor);
            log.info("Execution of {} {} ({}): {} version {}", year, period, trigger,
                    result.created() ? "exported as" : "unchanged since", result.export().version());
        } catch (RuntimeException e) {
            log.warn("Execution of {} {} not exported ({})", year, period, trigger, e);
        }
    }
}
