package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.poahub.contract.ExpenditureReport;

/**
 * A steady stream of valid expenditure reports (SENAVEX 2020 operation 11.04.02, object 25220, 1.00 each),
 * round-robin over some regions, one agent per region, sent in the background at a fixed rate. Remembers what it
 * sent so a test can check every report was counted exactly once.
 */
final class ReportStream implements AutoCloseable {

    private final IngestTestClient client;
    private final List<String> regions;
    private final String agentPrefix = "stream-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, AtomicInteger> sentByRegion = new ConcurrentHashMap<>();
    private final Set<UUID> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ReportStream(IngestTestClient client, List<String> regions) {
        this.client = client;
        this.regions = List.copyOf(regions);
    }

    ReportStream start(int perSecond) {
        scheduler.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    private void sendOne() {
        try {
            long n = sequence.incrementAndGet();
            String region = regions.get((int) (n % regions.size()));
            // One agent per region; its sequence is this stream's counter, so each agent sees gaps: tracked, fine.
            ExpenditureReport report = IngestTestClient.expenditure(region, agent(region), n, "25220", "1.00").build();
            client.send(report);
            messageIds.add(report.getMessageId());
            sentByRegion.computeIfAbsent(region, r -> new AtomicInteger()).incrementAndGet();
            sent.incrementAndGet();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            throw e;
        }
    }

    String agent(String region) {
        return agentPrefix + region;
    }

    String agentPattern() {
        return agentPrefix + "%";
    }

    int sent() {
        if (failure.get() != null) {
            throw new IllegalStateException("The stream failed to send", failure.get());
        }
        return sent.get();
    }

    int sent(String region) {
        AtomicInteger count = sentByRegion.get(region);
        return count == null ? 0 : count.get();
    }

    BigDecimal expectedSpend(String region) {
        return BigDecimal.valueOf(sent(region)).setScale(2);
    }

    Set<UUID> messageIds() {
        return Set.copyOf(messageIds);
    }

    List<String> regions() {
        return regions;
    }

    /** Stops sending and waits for the report in flight. */
    void stop() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The stream did not stop");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
