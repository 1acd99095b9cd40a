package org.poahub.agent.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.agent.store.AgentStore;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * The SENAVEX 2020 plan shipped with the agent ({@value #RESOURCE}, extracted from the seed document): the plan
 * cache starts from it so a new office can validate offline before its first contact with the hub; the plan the
 * hub publishes replaces it.
 */
public final class BundledPlan {

    public static final String RESOURCE = "/org/poahub/agent/plan/senavex-2020.csv";
    public static final int FISCAL_YEAR = 2020;
    private static final String[] SOURCES = {"Columna 1", "Columna 2"};

    private BundledPlan() {
    }

    public static List<PlannedOperation> operations() {
        Map<String, List<PlannedBudgetLine>> lines = new LinkedHashMap<>();
        Map<String, LocalDate[]> dates = new LinkedHashMap<>();
        try (InputStream in = BundledPlan.class.getResourceAsStream(RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split(";", -1);
                dates.putIfAbsent(c[0], new LocalDate[] {LocalDate.parse(c[1]), LocalDate.parse(c[2])});
                List<PlannedBudgetLine> opLines = lines.computeIfAbsent(c[0], k -> new ArrayList<>());
                for (int s = 0; s < SOURCES.length; s++) {
                    if (!c[3].isEmpty() && new BigDecimal(c[4 + s]).signum() > 0) {
                        opLines.add(new PlannedBudgetLine(c[3], SOURCES[s], new BigDecimal(c[4 + s])));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PlannedOperation> operations = new ArrayList<>();
        dates.forEach((code, d) -> operations.add(new PlannedOperation(code, FISCAL_YEAR, d[0], d[1], lines.get(code))));
        return operations;
    }

    /** Seeds the plan cache when it has no plan for the bundled fiscal year yet. */
    public static void seedIfEmpty(AgentStore store) {
        if (!store.hasPlan(FISCAL_YEAR)) {
            store.replacePlan(FISCAL_YEAR, operations(), "incluido-senavex-2020");
        }
    }
}
