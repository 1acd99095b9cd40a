package org.poahub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.poahub.agent.store.AgentStore;
import org.poahub.agent.store.ReportState;
import org.poahub.agent.store.StoredReport;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ReportKind;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national financial system (SIGEP) of the local stack: once every simulated office has recorded the last month
 * of a quarter and the hub has answered for every expense of the quarter, it drops that quarter's execution extract
 * and C-31 voucher listing into the hub's finance inbox ({@code var/finanzas/entrada}), built from the expenses the
 * offices recorded and the hub accepted (their outboxes), through the budget mapping in force, with the deliberate
 * differences of {@link SigepQuarter}. The hub's {@code finance-extract-in} route loads them and reconciles.
 *
 * <p>Files are written as {@code *.csv.part} and renamed, so the route never reads half a file. The last quarter
 * dropped is kept in {@code var/finanzas/simulated-quarter} (written after the files), so a restart does not drop a
 * quarter twice; were it to, the hub would load the same content once.
 */
final class SimulatedSigep {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSigep.class);
    private static final int FISCAL_YEAR = SimulatedAgent.FISCAL_YEAR;

    private final Path inbox;
    private final Path state;
    private final List<SimulatedAgent> agents;
    private final Supplier<Optional<BudgetMapping>> mapping;
    private ScheduledExecutorService clock;
    private int waitingLogged;

    /**
     * @param finance  {@code var/finanzas}: the inbox is its {@code entrada}, the state file sits beside it
     * @param agents   the simulated offices, the first carrying the deliberate differences
     * @param mapping  the hub's budget mapping in force for the gestión
     */
    SimulatedSigep(Path finance, Path inbox, List<SimulatedAgent> agents,
            Supplier<Optional<BudgetMapping>> mapping) {
        this.inbox = inbox;
        this.state = finance.resolve("simulated-quarter");
        this.agents = List.copyOf(agents);
        this.mapping = mapping;
    }

    void start() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sigep-simulado"));
        clock.scheduleWithFixedDelay(this::tick, 2, 2, TimeUnit.SECONDS);
    }

    void stop() {
        if (clock != null) {
            clock.shutdown();
            try {
                clock.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void tick() {
        try {
            int quarter = lastQuarter() + 1;
            if (quarter > 4) {
                clock.shutdown();
                return;
            }
            dropIfReady(quarter);
        } catch (RuntimeException e) {
            // tried again at the next tick
            log.error("Simulated SIGEP: could not build the quarter's extracts", e);
        }
    }

    /** @return true when the quarter's files were dropped */
    boolean dropIfReady(int quarter) {
        LocalDate cutOff = YearMonth.of(FISCAL_YEAR, quarter * 3).atEndOfMonth();
        if (agents.stream().anyMatch(a -> a.monthsSaved() < quarter * 3)) {
            return false;
        }
        Optional<BudgetMapping> inForce = mapping.get();
        if (inForce.isEmpty()) {
            logOnce(quarter, "no budget mapping in force for " + FISCAL_YEAR);
            return false;
        }
        List<SigepQuarter.Expense> expenses = new ArrayList<>();
        for (SimulatedAgent agent : agents) {
            AgentStore store = agent.store();
            if (store == null || !acceptedExpenses(agent.region(), store, cutOff, expenses)) {
                logOnce(quarter, agent.region() + " still waits for the hub's answer on expenses up to " + cutOff);
                return false;
            }
        }
        SigepQuarter.Files files = SigepQuarter.build(FISCAL_YEAR, cutOff, expenses, agents.get(0).region(),
                inForce.get());
        drop("comprobantes-senavex-" + cutOff + ".csv", files.vouchers());
        drop("ejecucion-senavex-" + cutOff + ".csv", files.execution());
        writeLastQuarter(quarter);
        log.info("Simulated SIGEP: quarter {} ({} expenses up to {}{}) dropped into {}", quarter, expenses.size(),
                cutOff, files.unmapped() == 0 ? "" : ", " + files.unmapped() + " left out: not in the mapping", inbox);
        return true;
    }

    /**
     * Adds the office's accepted expenses of the gestión up to the cut-off.
     *
     * @return false while one of them still waits for the hub's outcome
     */
    private static boolean acceptedExpenses(String region, AgentStore store, LocalDate cutOff,
            List<SigepQuarter.Expense> into) {
        List<SigepQuarter.Expense> found = new ArrayList<>();
        for (StoredReport report : store.list(null, 0)) {
            if (report.kind() != ReportKind.EXPENDITURE) {
                continue;
            }
            ExpenditureReport e = (ExpenditureReport) store.record(report.messageId()).orElseThrow();
            if (e.getFiscalYear() != FISCAL_YEAR || e.getSpentOn().isAfter(cutOff)) {
                continue;
            }
            if (report.state() == ReportState.PENDIENTE || report.state() == ReportState.ENVIADO) {
                return false;
            }
            if (report.state() != ReportState.RECHAZADO) {
                found.add(new SigepQuarter.Expense(region, report.sequence(), e.getOperationCode(),
                        e.getObjectCode(), e.getFundingSource(), e.getAmount(), e.getSpentOn(),
                        e.getDocumentNumber()));
            }
        }
        into.addAll(found);
        return true;
    }

    private void drop(String name, String content) {
        try {
            Files.createDirectories(inbox);
            Path part = inbox.resolve(name + ".part");
            Files.writeString(part, content, StandardCharsets.UTF_8);
            Files.move(part, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot drop " + name + " into " + inbox, e);
        }
    }

    private void logOnce(int quarter, String why) {
        if (waitingLogged != quarter) {
            waitingLogged = quarter;
            log.info("Simulated SIGEP: quarter {} not dropped yet: {}", quarter, why);
        }
    }

    int lastQuarter() {
        try {
            return Files.exists(state) ? Integer.parseInt(Files.readString(state).trim()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + state, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(state + " does not hold a quarter number; delete it to drop the quarters"
                    + " again", e);
        }
    }

    private void writeLastQuarter(int quarter) {
        Path tmp = state.resolveSibling("simulated-quarter.tmp");
        try {
            Files.createDirectories(state.getParent());
            Files.writeString(tmp, quarter + "\n");
            Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + state, e);
        }
    }
}
