package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.poahub.hub.plan.PlanImported;
import org.poahub.hub.plan.PlanRepository;
import org.poahub.hub.plan.PlanVersion;
import org.poahub.plan.Plan;

class CurrentPlansTest {

    /** The stored plans: SENAVEX 2020 as version {@code current}; counts the database reads. */
    static final class CountingRepository extends PlanRepository {
        final AtomicInteger versionReads = new AtomicInteger();
        final AtomicInteger planReads = new AtomicInteger();
        volatile long current = 1;

        CountingRepository() {
            super(null);
        }

        @Override
        public Optional<PlanVersion> latest(int fiscalYear) {
            versionReads.incrementAndGet();
            return fiscalYear == 2020 ? Optional.of(planVersion(current, 2020)) : Optional.empty();
        }

        @Override
        public Plan load(PlanVersion version) {
            planReads.incrementAndGet();
            return SenavexPlan.PLAN;
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2020-04-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountingRepository repository = new CountingRepository();
    private final TestClock clock = new TestClock();
    private final CurrentPlans plans = new CurrentPlans(repository, Duration.ofMinutes(1), clock);

    @Test
    void aYearsPlanIsReadOnceForAnyNumberOfReports() {
        for (int i = 0; i < 100; i++) {
            assertThat(plans.current(2020)).map(PlanSource.VersionedPlan::version).contains(1);
        }

        assertThat(repository.versionReads).hasValue(1);
        assertThat(repository.planReads).hasValue(1);
    }

    @Test
    void aYearWithoutAPlanIsAlsoAskedOnce() {
        for (int i = 0; i < 10; i++) {
            assertThat(plans.current(2031)).isEmpty();
        }

        assertThat(repository.versionReads).hasValue(1);
        assertThat(repository.planReads).hasValue(0);
    }

    @Test
    void anImportOfTheYearDropsItsCachedPlan() {
        plans.current(2020);
        plans.onPlanImported(new PlanImported(planVersion(9, 2021)));
        plans.current(2020);
        assertThat(repository.versionReads).as("another year's import keeps it").hasValue(1);

        repository.current = 2;
        plans.onPlanImported(new PlanImported(planVersion(2, 2020)));

        assertThat(plans.current(2020)).map(PlanSource.VersionedPlan::version).contains(2);
        assertThat(repository.planReads).hasValue(2);
    }

    @Test
    void afterItsMaximumAgeTheNewestVersionIsCheckedForImportsOnOtherHubs() {
        plans.current(2020);
        clock.now = clock.now.plusSeconds(59);
        plans.current(2020);
        assertThat(repository.versionReads).hasValue(1);

        clock.now = clock.now.plusSeconds(1);
        plans.current(2020);
        assertThat(repository.versionReads).as("checked again").hasValue(2);
        assertThat(repository.planReads).as("same version: not reloaded").hasValue(1);

        repository.current = 2;
        clock.now = clock.now.plusSeconds(60);

        assertThat(plans.current(2020)).map(PlanSource.VersionedPlan::version).contains(2);
        assertThat(repository.planReads).hasValue(2);
    }

    private static PlanVersion planVersion(long id, int fiscalYear) {
        return new PlanVersion(id, fiscalYear, (int) id, "41", "SENAVEX", "test", Instant.EPOCH, "test",
                "senavex.csv", "0");
    }
}
