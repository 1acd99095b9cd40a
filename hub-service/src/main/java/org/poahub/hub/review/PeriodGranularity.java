package org.poahub.hub.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a fiscal year is cut into review periods (períodos): months ({@code 2020-03}) or quarters ({@code 2020-T1}). */
public enum PeriodGranularity {

    MONTH(Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])")) {
        @Override
        ReviewPeriod of(LocalDate day) {
            YearMonth month = YearMonth.from(day);
            return new ReviewPeriod(day.getYear(), month.toString(), month.atDay(1), month.atEndOfMonth());
        }

        @Override
        LocalDate startOf(int year, int number) {
            return LocalDate.of(year, number, 1);
        }
    },
    QUARTER(Pattern.compile("(\\d{4})-T([1-4])")) {
        @Override
        ReviewPeriod of(LocalDate day) {
            int quarter = (day.getMonthValue() - 1) / 3 + 1;
            LocalDate start = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
            return new ReviewPeriod(day.getYear(), day.getYear() + "-T" + quarter, start,
                    start.plusMonths(3).minusDays(1));
        }

        @Override
        LocalDate startOf(int year, int number) {
            return LocalDate.of(year, (number - 1) * 3 + 1, 1);
        }
    };

    private final Pattern key;

    PeriodGranularity(Pattern key) {
        this.key = key;
    }

    /** The period a day falls in (the fiscal year is the calendar year). */
    abstract ReviewPeriod of(LocalDate day);

    abstract LocalDate startOf(int year, int number);

    /** Every period of a fiscal year, in order. */
    List<ReviewPeriod> periods(int fiscalYear) {
        List<ReviewPeriod> periods = new ArrayList<>();
        for (LocalDate day = LocalDate.of(fiscalYear, 1, 1); day.getYear() == fiscalYear;
             day = periods.get(periods.size() - 1).end().plusDays(1)) {
            periods.add(of(day));
        }
        return List.copyOf(periods);
    }

    /** The period named {@code key} in {@code fiscalYear}; empty when the key is malformed or of another year. */
    Optional<ReviewPeriod> parse(int fiscalYear, String key) {
        Matcher m = key == null ? null : this.key.matcher(key);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) != fiscalYear) {
            return Optional.empty();
        }
        return Optional.of(of(startOf(fiscalYear, Integer.parseInt(m.group(2)))));
    }

    /** The period containing {@code day} (public for the financial-system export's schedule). */
    public ReviewPeriod containing(LocalDate day) {
        return of(day);
    }

    /**
     * The month ({@code 2020-03}) or quarter ({@code 2020-T1}) named {@code key} in {@code fiscalYear}, whichever
     * granularity it is written in; empty when it names neither (for the financial-system export, which accepts both).
     */
    public static Optional<ReviewPeriod> parseAny(int fiscalYear, String key) {
        return java.util.Arrays.stream(values()).map(g -> g.parse(fiscalYear, key)).flatMap(Optional::stream)
                .findFirst();
    }

    /** How a key looks, for error messages. */
    String example(int fiscalYear) {
        return of(LocalDate.of(fiscalYear, 3, 1)).key();
    }
}
