package org.poahub.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.poahub.hub.finance.mapping.BudgetMappingException;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The financial-system side of the local stack (docs/finance.md): the hub's finance inbox under the data directory,
 * the shipped illustrative budget mapping of SENAVEX 2020 loaded when the gestión has none, and the simulated SIGEP
 * that drops each quarter's extracts into the inbox.
 */
final class LocalFinance {

    /** Shipped with the hub; illustrative, not from the seed (its first {@code Nota} says so). */
    static final String MAPPING = "/finance/mapeo-senavex-2020-ilustrativo.csv";
    static final String LOADED_BY = "stack-local";

    private static final Logger log = LoggerFactory.getLogger(LocalFinance.class);

    private LocalFinance() {
    }

    static Path inbox(Path var) {
        return var.resolve("finanzas").resolve("entrada");
    }

    /** The hub's settings: the {@code finance-extract-in} route on, reading {@code var/finanzas/entrada}. */
    static Map<String, Object> hubProperties(Path var) {
        return Map.of("poa.finance.inbox.enabled", true, "poa.finance.inbox.directory", inbox(var));
    }

    /**
     * Loads the illustrative mapping when the gestión has none in force; a mapping loaded by someone since is left as
     * it is (reloading this one would supersede it).
     */
    static void loadIllustrativeMapping(ConfigurableApplicationContext hub) {
        BudgetMappingService mappings = hub.getBean(BudgetMappingService.class);
        if (mappings.current(SimulatedAgent.FISCAL_YEAR).isPresent()) {
            return;
        }
        try (InputStream in = LocalFinance.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING + " is not on the classpath (hub-service ships it)");
            }
            var loaded = mappings.load(in.readAllBytes(), "mapeo-senavex-2020-ilustrativo.csv", LOADED_BY);
            log.info("Illustrative budget mapping of SENAVEX {} loaded (version {}; not from the seed)",
                    SimulatedAgent.FISCAL_YEAR, loaded.version().version());
        } catch (BudgetMappingException e) {
            log.error("The illustrative budget mapping was refused; the reconciliation waits for a mapping: {}",
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MAPPING, e);
        }
    }

    /** Starts the simulated SIGEP for the simulated offices (the first carries the deliberate differences). */
    static SimulatedSigep startSigep(Path var, ConfigurableApplicationContext hub, SimulatedAgents agents) {
        BudgetMappingService mappings = hub.getBean(BudgetMappingService.class);
        SimulatedSigep sigep = new SimulatedSigep(var.resolve("finanzas"), inbox(var), agents.agents(),
                () -> mappings.current(SimulatedAgent.FISCAL_YEAR));
        sigep.start();
        return sigep;
    }
}
