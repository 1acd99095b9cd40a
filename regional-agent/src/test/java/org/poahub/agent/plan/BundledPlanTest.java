package org.poahub.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The agent's bundled copy of the SENAVEX 2020 plan must say what the hub's shipped plan file says: same operations,
 * dates, budget lines and funding column names (the hub sums spend per column by name).
 */
class BundledPlanTest {

    private static final Path HUB_PLAN = Path.of("..", "hub-service", "src", "main", "resources", "plans",
            "senavex-poa-2020.csv");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void matchesTheHubsShippedPlanLineForLine() throws Exception {
        List<String> expected = new ArrayList<>();
        List<String> columns = List.of();
        for (String line : Files.readAllLines(HUB_PLAN, StandardCharsets.UTF_8)) {
            String[] c = line.split(";", -1);
            switch (c[0]) {
                case "Tipo" -> columns = List.of(c[16], c[17]);
                case "OPERACION" -> expected.add(c[1] + " " + LocalDate.parse(c[9], DATE) + ".." + LocalDate.parse(c[10], DATE));
                case "PARTIDA" -> {
                    for (int i = 0; i < 2; i++) {
                        if (new BigDecimal(c[16 + i]).signum() > 0) {
                            expected.add(c[1] + " " + c[12] + " " + columns.get(i) + " " + new BigDecimal(c[16 + i]));
                        }
                    }
                }
                default -> { }
            }
        }
        List<String> actual = new ArrayList<>();
        for (PlannedOperation op : BundledPlan.operations()) {
            actual.add(op.code() + " " + op.start() + ".." + op.end());
            for (PlannedBudgetLine line : op.budgetLines()) {
                actual.add(op.code() + " " + line.objectCode() + " " + line.fundingSource() + " " + line.amount());
            }
        }

        assertThat(columns).containsExactly("Columna 1", "Columna 2");
        assertThat(expected).as("46 operations and 18 budget lines read from the hub file").hasSize(46 + 18);
        assertThat(new TreeSet<>(actual)).isEqualTo(new TreeSet<>(expected));
        assertThat(actual).hasSameSizeAs(expected);
    }
}
