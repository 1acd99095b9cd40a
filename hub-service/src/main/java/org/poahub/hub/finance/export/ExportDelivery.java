package org.poahub.hub.finance.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.admin.Admin;
import org.poahub.hub.kafka.CompactedTopic;
import org.poahub.routes.finance.FinanceExecutionOutRoute;
import org.poahub.routes.finance.FinanceOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers recorded exports: the files to the outbox ({@code finance-execution-out}) and the Avro record to
 * {@code poa.finance.execution}, each step marked in {@code finance_export} once done ({@code delivered_at},
 * {@code published_at}). One thread delivers, oldest export first: right after an export commits, at start-up (what a
 * stopped hub left undelivered), every {@code sweep-interval}, and after a failure with exponential back-off
 * ({@link DeliveryBackoff}). A retry writes the same bytes under the same names, so nothing is lost or duplicated; a
 * row lock ({@code for update skip locked}) keeps two hubs from delivering one export at once. When the hub stops,
 * the delivery in progress finishes before the web server (the embedded registry), Camel and the database go (a
 * lifecycle phase above theirs); what is left undelivered is delivered by the next start.
 */
@Component
class ExportDelivery implements SmartLifecycle {

    /**
     * Stopped before the web server's graceful shutdown ({@code Integer.MAX_VALUE - 1024}: the embedded registry the
     * serializer may call) and Camel's context ({@code Integer.MAX_VALUE - 2049}).
     */
    static final int PHASE = Integer.MAX_VALUE - 512;

    private static final Logger log = LoggerFactory.getLogger(ExportDelivery.class);

    private final JdbcExportRepository repository;
    private final FinanceExportService exports;
    private final ProducerTemplate producer;
    private final Admin admin;
    private final FinanceOutbox outbox;
    private final String topic;
    private final TransactionTemplate transaction;
    private final DeliveryBackoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "poa-finance-export-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean ready;
    private volatile boolean topicReady;
    private ScheduledFuture<?> retry; // touched by the worker thread only

    ExportDelivery(JdbcExportRepository repository, FinanceExportService exports, ProducerTemplate producer,
            Admin admin, FinanceOutbox outbox, FinanceExportProperties properties,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.exports = exports;
        this.producer = producer;
        this.admin = admin;
        this.outbox = outbox;
        this.topic = properties.topic();
        this.transaction = new TransactionTemplate(transactions);
        this.backoff = new DeliveryBackoff(properties.retryFirst(), properties.retryMax());
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        ready = true;
        request();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recorded(FinanceExportService.ExportRecorded recorded) {
        request();
    }

    @Scheduled(initialDelayString = "${poa.finance.export.sweep-interval:1m}",
            fixedDelayString = "${poa.finance.export.sweep-interval:1m}")
    void sweep() {
        request();
    }

    /** Delivers every due export soon, on the delivery thread. */
    void request() {
        if (ready) {
            try {
                worker.execute(this::deliverDue);
            } catch (RejectedExecutionException e) {
                // stopping: the next start delivers it
            }
        }
    }

    /** How many attempts to deliver the export failed in a row (0 once delivered). */
    int failedAttempts(long exportId) {
        return backoff.failures(exportId);
    }

    private void deliverDue() {
        Instant now = clock.instant();
        try {
            for (ExportRecord export : repository.undelivered()) {
                if (worker.isShutdown()) {
                    return; // stopping: the next start delivers the rest
                }
                if (backoff.due(export.id(), now)) {
                    deliverOne(export, now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not list the undelivered exports; the next sweep tries again: {}", e.toString());
        }
        if (retry != null) {
            retry.cancel(false);
        }
        try {
            retry = backoff.nextAttempt().map(at -> worker.schedule(this::deliverDue,
                    Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS))
                    .orElse(null);
        } catch (RejectedExecutionException e) {
            retry = null; // stopping
        }
    }

    private void deliverOne(ExportRecord export, Instant now) {
        try {
            deliver(export);
            backoff.delivered(export.id());
        } catch (RuntimeException e) {
            Duration wait = backoff.failed(export.id(), now);
            log.warn("Export {} ({}) not delivered yet, trying again in {} ms: {}", export.id(), export.fileBase(),
                    wait.toMillis(), e.getCause() != null ? e.getCause().toString() : e.toString());
        }
    }

    private void deliver(ExportRecord export) {
        if (export.deliveredAt() == null) {
            transaction.executeWithoutResult(s -> repository.lockUndeliveredFiles(export.id()).ifPresent(files -> {
                producer.requestBody(FinanceExecutionOutRoute.ENDPOINT, FinanceExportService.files(files));
                repository.markDelivered(export.id(), outbox.describe());
                log.info("Export {} written to {}: {}.csv, .xlsx, .done", export.id(), outbox.describe(),
                        files.fileBase());
            }));
        }
        if (export.publishedAt() == null) {
            if (!topicReady) {
                CompactedTopic.ensure(admin, topic);
                topicReady = true;
            }
            transaction.executeWithoutResult(s -> {
                if (repository.lockUnpublished(export.id())) {
                    producer.requestBodyAndHeader(FinanceExecutionOutRoute.PUBLISH_ENDPOINT,
                            ExecutionRecords.of(exports.recorded(export.id()), export.version(),
                                    export.stateSha256(), export.createdAt()),
                            FinanceExecutionOutRoute.KAFKA_KEY, ExecutionRecords.key(export.fiscalYear(),
                                    export.period()));
                    repository.markPublished(export.id());
                }
            });
        }
    }

    @Override
    public void start() {
        // deliveries start once the hub is ready (onReady)
    }

    /** Lets the delivery in progress finish (at most 30 s), then drops the scheduled retries. */
    @Override
    public void stop() {
        ready = false;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("A delivery of an export was still running at shutdown; it is tried again at the next start");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return !worker.isShutdown();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
