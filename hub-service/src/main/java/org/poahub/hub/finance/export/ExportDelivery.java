package org.poahub.hub.finance.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.admin.Admin;
import org.poahub.hub.kafka.CompactedTopic;
import org.poahub.routes.finance.FinanceExecutionOutRoute;
import org.poahub.routes.finance.FinanceOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
 * row lock ({@code for update skip locked}) keeps two hubs from delivering one export at once.
 */
@Component
class ExportDelivery implements DisposableBean {

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
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
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
        if (ready && !worker.isShutdown()) {
            worker.execute(this::deliverDue);
        }
    }

    /** How many attempts to deliver the export failed in a row (0 once delivered). */
    int failedAttempts(long exportId) {
        return backoff.failures(exportId);
    }

    private void deliverDue() {
        Instant now = clock.instant();
        for (ExportRecord export : repository.undelivered()) {
            if (!backoff.due(export.id(), now)) {
                continue;
            }
            try {
                deliver(export);
                backoff.delivered(export.id());
            } catch (RuntimeException e) {
                Duration wait = backoff.failed(export.id(), now);
                log.warn("Export {} ({}) not delivered yet, trying again in {} ms: {}", export.id(),
                        export.fileBase(), wait.toMillis(), e.getCause() != null ? e.getCause().toString() : e.toString());
            }
        }
        if (retry != null) {
            retry.cancel(false);
        }
        retry = backoff.nextAttempt().map(at -> worker.schedule(this::deliverDue,
                Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS)).orElse(null);
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
    public void destroy() {
        worker.shutdownNow();
    }
}
