package org.poahub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.poahub.agent.cli.AgentContext;
import org.poahub.agent.receipts.ReceiptListener;
import org.poahub.agent.simulate.SimulatedYear;
import org.poahub.agent.simulate.Simulator;
import org.poahub.agent.sync.Forwarder;
import org.poahub.testkit.KraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated regional office: the real agent (its SQLite outbox, forwarder and receipts listener, as
 * {@code poa-agente ejecutar} runs them) in {@code var/agents/<region>}, fed one simulated month of the fiscal year
 * every {@code month} by the agent's own {@link Simulator}, until December.
 *
 * <p>The last month generated is kept in {@code simulated-month} beside the outbox and written <em>before</em> the
 * month's reports are saved: after a crash between the two that month is skipped, never generated twice, so a
 * restart never duplicates the simulated history (reports already saved are resent with their message ids, which
 * the hub de-duplicates).
 */
final class SimulatedAgent {

    static final int FISCAL_YEAR = 2020;
    private static final Logger log = LoggerFactory.getLogger(SimulatedAgent.class);

    private final String region;
    private final Path dir;
    private final Duration month;
    private final double invalidShare;
    private final java.math.BigDecimal budgetShare;
    private final MonthPresenter office;
    private volatile AgentContext agent;
    private Forwarder forwarder;
    private ReceiptListener receipts;
    private Thread forwarderThread;
    private Thread receiptsThread;
    private ScheduledExecutorService calendar;
    /** The last month whose reports are in the outbox (read by the simulated financial system). */
    private final java.util.concurrent.atomic.AtomicInteger monthsSaved = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param budgetShare the part of the plan's budget this office spends over the year (1 / simulated offices)
     * @param office      the office's staff, who present each month for review once the next one has begun
     */
    SimulatedAgent(String region, Path dir, Duration month, double invalidShare, java.math.BigDecimal budgetShare,
            MonthPresenter office) {
        this.region = region;
        this.office = office;
        this.dir = dir;
        this.month = month;
        this.invalidShare = invalidShare;
        this.budgetShare = budgetShare;
    }

    /**
     * Writes the agent's configuration file (owner-readable only: it holds the agent's passwords): its own Kafka
     * account over TLS, as a provisioned office agent has.
     */
    static Path writeConfig(Path dir, String region, KraftBroker broker, String kafkaPassword, String registryUrl,
            String user, String password) {
        Properties p = new Properties();
        p.setProperty("region", region);
        p.setProperty("agent.id", user);
        p.setProperty("kafka.bootstrap.servers", broker.agentBootstrapServers());
        p.setProperty("kafka.security.protocol", "SASL_SSL");
        p.setProperty("kafka.user", user);
        p.setProperty("kafka.password", kafkaPassword);
        p.setProperty("kafka.ssl.truststore.type", "PEM");
        p.setProperty("kafka.ssl.truststore.location",
                broker.security().certificates().caCertificate().toAbsolutePath().toString());
        p.setProperty("registry.url", registryUrl);
        p.setProperty("registry.user", user);
        p.setProperty("registry.password", password);
        p.setProperty("data.dir", ".");
        p.setProperty("fiscal.year", String.valueOf(FISCAL_YEAR));
        Path file = dir.resolve("poa-agent.properties");
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("poa-agent.properties.tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            OwnerOnly.restrict(tmp);
            try (Writer out = Files.newBufferedWriter(tmp)) {
                p.store(out, "Simulated agent of the local stack (written at every start)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    void start(Path configFile) {
        agent = AgentContext.open(configFile);
        monthsSaved.set(lastMonth());
        forwarder = new Forwarder(agent.config(), agent.store());
        receipts = new ReceiptListener(agent.config(), agent.store());
        forwarderThread = thread("forwarder", () -> {
            try {
                forwarder.run();
            } finally {
                forwarder.release();
            }
        });
        receiptsThread = thread("receipts", receipts::run);
        calendar = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "agent-" + region + "-calendar"));
        calendar.scheduleWithFixedDelay(this::nextMonth, 0, month.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void nextMonth() {
        try {
            int next = lastMonth() + 1;
            if (next > 1) {
                // the previous month's reports were sent during the month just gone: the office closes it
                office.present(FISCAL_YEAR, next - 1);
            }
            if (next > 12) {
                calendar.shutdown();
                return;
            }
            writeLastMonth(next);
            // Seeded by region (the year's paces and spend) and month (dates, voucher numbers, invalid reports): the
            // same region gets the same simulated year on every machine.
            SimulatedYear year = SimulatedYear.of(agent.store().planOperations(FISCAL_YEAR), region.hashCode(),
                    budgetShare);
            long saved = new Simulator(agent.store(), agent.factory(), region.hashCode() * 100L + next)
                    .month(FISCAL_YEAR, next, invalidShare, year);
            monthsSaved.set(next);
            log.info("Simulated agent {}: month {}/{} saved ({} reports), forwarding", region, next, FISCAL_YEAR, saved);
            forwarder.wakeUp();
        } catch (RuntimeException e) {
            // A failed month is skipped (see the class comment); the calendar goes on.
            log.error("Simulated agent {}: could not simulate the month", region, e);
        }
    }

    int lastMonth() {
        Path file = dir.resolve("simulated-month");
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " does not hold a month number; delete it to start the year over", e);
        }
    }

    private void writeLastMonth(int value) {
        Path file = dir.resolve("simulated-month");
        Path tmp = dir.resolve("simulated-month.tmp");
        try {
            Files.writeString(tmp, value + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private Thread thread(String name, Runnable task) {
        Thread thread = new Thread(task, "agent-" + region + "-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops simulating, forwarding and listening, then closes the outbox; what is unsent stays pending. */
    void stop() {
        if (agent == null) {
            return;
        }
        calendar.shutdown(); // no new month; one being saved finishes
        forwarder.close();
        receipts.close();
        try {
            calendar.awaitTermination(10, TimeUnit.SECONDS);
            forwarderThread.join(Duration.ofSeconds(15).toMillis());
            receiptsThread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        agent.close();
        agent = null;
    }

    String region() {
        return region;
    }

    /** The last month of the year whose reports are saved in the outbox (0 before January). */
    int monthsSaved() {
        return monthsSaved.get();
    }

    /** The office's outbox (thread-safe), or null once stopped. */
    org.poahub.agent.store.AgentStore store() {
        AgentContext context = agent;
        return context == null ? null : context.store();
    }
}
