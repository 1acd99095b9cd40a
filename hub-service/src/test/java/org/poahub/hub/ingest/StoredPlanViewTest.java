package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.poahub.hub.plan.CsvPlanReader;
import org.poahub.hub.plan.PlanFileParser;
import org.poahub.hub.plan.PlanImported;
import org.poahub.hub.plan.PlanService;
import org.poahub.hub.plan.PlanVersion;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;

class StoredPlanViewTest {

    private static final Plan SENAVEX = senavex();

    /** The stored plans: SENAVEX 2020 as version {@code current}; counts the database reads. */
    static final class CountingPlans extends PlanService {
        final AtomicInteger versionReads = new AtomicInteger();
        final AtomicInteger planReads = new AtomicInteger();
        volatile long current = 1;

        CountingPlans() {
            super(null, null, null);
        }

        @Override
        public Optional<PlanVersion> version(int fiscalYear, Integer version) {
            versionReads.incrementAndGet();
            return fiscalYear == 2020 ? Optional.of(new PlanVersion(current, 2020, (int) current, "41", "SENAVEX",
                    "test", Instant.EPOCH, "test", "senavex.csv", "0")) : Optional.empty();
        }

        @Override
        public Plan plan(PlanVersion version) {
            planReads.incrementAndGet();
            return SENAVEX;
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

    private final CountingPlans plans = new CountingPlans();
    private final TestClock clock = new TestClock();
    private final StoredPlanView view = new StoredPlanView(plans, RegionCatalogue.loadDefault(), Duration.ofMinutes(1),
            clock);

    @Test
    void aYearsPlanIsReadOnceForAnyNumberOfReports() {
        for (int i = 0; i < 100; i++) {
            assertThat(view.operation(2020, "11.04.02")).isPresent();
            assertThat(view.operation(2020, "99.99.99")).isEmpty();
        }

        assertThat(plans.versionReads).hasValue(1);
        assertThat(plans.planReads).hasValue(1);
    }

    @Test
    void aYearWithoutAPlanIsAlsoAskedOnce() {
        for (int i = 0; i < 10; i++) {
            assertThat(view.operation(2031, "11.04.02")).isEmpty();
        }

        assertThat(plans.versionReads).hasValue(1);
        assertThat(plans.planReads).hasValue(0);
    }

    @Test
    void anImportOfTheYearDropsItsCachedPlan() {
        view.operation(2020, "11.04.02");
        view.onPlanImported(new PlanImported(plans.version(2021, null).orElse(new PlanVersion(9, 2021, 1, "41",
                "SENAVEX", "test", Instant.EPOCH, "test", "x.csv", "0"))));
        view.operation(2020, "11.04.02");
        assertThat(plans.planReads).as("another year's import keeps it").hasValue(1);

        plans.current = 2;
        view.onPlanImported(new PlanImported(plans.version(2020, null).orElseThrow()));
        view.operation(2020, "11.04.02");

        assertThat(plans.planReads).hasValue(2);
    }

    @Test
    void aCachedPlanIsReadAgainAfterItsMaximumAgeForImportsOnOtherHubs() {
        view.operation(2020, "11.04.02");
        clock.now = clock.now.plusSeconds(59);
        view.operation(2020, "11.04.02");
        assertThat(plans.planReads).hasValue(1);

        clock.now = clock.now.plusSeconds(1);
        view.operation(2020, "11.04.02");

        assertThat(plans.planReads).hasValue(2);
    }

    @Test
    void regionsComeFromTheConfiguredCatalogue() {
        assertThat(view.isKnownRegion("BO-L")).isTrue();
        assertThat(view.isKnownRegion("BO-X")).isFalse();
    }

    private static Plan senavex() {
        try (InputStream in = StoredPlanViewTest.class.getResourceAsStream("/plans/senavex-poa-2020.csv")) {
            return new PlanFileParser(ObjectOfExpenditureClassifier.loadDefault(), RegionCatalogue.loadDefault())
                    .parse(CsvPlanReader.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
