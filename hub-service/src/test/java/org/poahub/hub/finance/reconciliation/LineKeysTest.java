package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.finance.mapping.BudgetMapping.AdministrativeUnit;
import org.poahub.hub.finance.mapping.BudgetMapping.FundingSource;
import org.poahub.hub.finance.mapping.BudgetMapping.ProgramCategory;
import org.poahub.hub.finance.reconciliation.LineKeys.Key;
import org.poahub.hub.finance.reconciliation.LineKeys.RegionalSpend;
import org.poahub.hub.finance.reconciliation.LineKeys.SigepLine;

/** Both sides on one key through a small mapping (SENAVEX 2020 codes, illustrative amounts checked by hand). */
class LineKeysTest {

    // 11.04.01 and 11.04.02 share 11-0000-004; 04.01.01 alone has 12-0000-001; BO-L = DA 1 / UE 1, BO-C = 2 / 2
    static final BudgetMapping MAPPING = new BudgetMapping(2020, "41", List.of(),
            Map.of("11.04.01", new ProgramCategory("11", "0000", "004"),
                    "11.04.02", new ProgramCategory("11", "0000", "004"),
                    "04.01.01", new ProgramCategory("12", "0000", "001")),
            Map.of("Columna 1", new FundingSource("20", "230")),
            Map.of("BO-L", new AdministrativeUnit("1", "1"), "BO-C", new AdministrativeUnit("2", "2")));

    private final LineKeys keys = new LineKeys(MAPPING);

    @Test
    void aSharedCategoryIsOneKeyThatSumsTheRegionalExpenditureOfAllItsOperations() {
        LineKeys.Sides sides = keys.sides(
                List.of(sigep("1", "1", "11", "0000", "004", "20", "230", "11700", "1194361.25")),
                List.of(regional("11.04.01", "11700", "Columna 1", "BO-L", "600000.00"),
                        regional("11.04.02", "11700", "Columna 1", "BO-L", "594361.25")));

        Key key = new Key("11-0000-004", "", "11700", "Columna 1", "BO-L");
        assertThat(sides.sigep()).containsOnlyKeys(key);
        assertThat(sides.regional()).containsOnlyKeys(key);
        assertThat(sides.regional().get(key)).isEqualByComparingTo("1194361.25");
        assertThat(sides.details().get(key).operations()).containsExactly("11.04.01", "11.04.02");
        assertThat(sides.details().get(key).fuente()).isEqualTo("20");
    }

    @Test
    void aCategoryOfOneOperationIsKeyedByThatOperation() {
        LineKeys.Sides sides = keys.sides(
                List.of(sigep("01", "001", "12", "0000", "001", "20", "230", "26990", "2500.00")),
                List.of(regional("04.01.01", "26990", "Columna 1", "BO-L", "2500.00")));

        Key key = new Key("12-0000-001", "04.01.01", "26990", "Columna 1", "BO-L");
        assertThat(sides.sigep()).containsOnlyKeys(key);
        assertThat(sides.regional()).containsOnlyKeys(key);
    }

    @Test
    void unmappedFundingAndRegionAreDroppedOnBothSidesAlike() {
        LineKeys.Sides sides = keys.sides(
                List.of(sigep("9", "9", "12", "0000", "001", "41", "111", "26990", "100.00")),
                List.of(regional("04.01.01", "26990", "Columna 2", "BO-S", "100.00")));

        Key key = new Key("12-0000-001", "04.01.01", "26990", "", "");
        assertThat(sides.sigep()).containsOnlyKeys(key);
        assertThat(sides.regional()).containsOnlyKeys(key);
    }

    @Test
    void anUnmappedCategoryAndAnUnmappedOperationStayApart() {
        LineKeys.Sides sides = keys.sides(
                List.of(sigep("1", "1", "13", "0000", "009", "20", "230", "11700", "50.00")),
                List.of(regional("11.05.01", "11700", "Columna 1", "BO-L", "50.00")));

        assertThat(sides.sigep()).containsOnlyKeys(new Key("13-0000-009", "", "11700", "Columna 1", "BO-L"));
        assertThat(sides.details().get(new Key("13-0000-009", "", "11700", "Columna 1", "BO-L")).operations())
                .isEmpty();
        assertThat(sides.regional()).containsOnlyKeys(new Key("", "11.05.01", "11700", "Columna 1", "BO-L"));
    }

    @Test
    void linesOfOneKeyAddUpAndDaUeWithLeadingZerosMatch() {
        LineKeys.Sides sides = keys.sides(List.of(
                sigep("02", "02", "11", "0000", "004", "20", "230", "25220", "45000.00"),
                sigep("2", "2", "11", "0000", "004", "20", "230", "25220", "200.00")), List.of());

        assertThat(sides.sigep()).containsExactly(Map.entry(new Key("11-0000-004", "", "25220", "Columna 1", "BO-C"),
                new BigDecimal("45200.00")));
        assertThat(keys.regionOf("002", "2")).isEqualTo("BO-C");
        assertThat(keys.regionOf("3", "3")).isEmpty();
    }

    private static SigepLine sigep(String da, String ue, String programa, String proyecto, String actividad,
            String fuente, String organismo, String partida, String devengado) {
        return new SigepLine(da, ue, programa, proyecto, actividad, fuente, organismo, partida,
                new BigDecimal(devengado));
    }

    private static RegionalSpend regional(String operation, String partida, String column, String region,
            String amount) {
        return new RegionalSpend(operation, partida, column, region, new BigDecimal(amount));
    }
}
