package org.poahub.hub.ingest;

import java.util.Map;
import java.util.function.Function;
import org.poahub.hub.audit.StaffAction;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.hub.review.LateData;
import org.poahub.routes.ingest.Failures;
import org.poahub.routes.ingest.IngestStore;
import org.poahub.routes.ingest.TransientIngestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IngestStore} over PostgreSQL: one transaction per batch; an unreachable database is transient.
 *
 * <p>A batch reads what it needs first and writes at the end. If another transaction (another consumer of this
 * instance, or another instance) records one of the batch's reports in between (a resend through another partition,
 * a rebalance), or creates a figure row the batch found missing (an operation × region's progress), the write fails
 * on that row's key; the batch is then run again in a new transaction, which reads the other transaction's rows (a
 * report's stored outcome is sent again, nothing is counted twice).
 */
class JdbcIngestStore implements IngestStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcIngestStore.class);

    /** Runs of one batch when other transactions keep creating its rows first; then the failure goes up. */
    static final int MAX_RUNS = 3;

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final IngestBatchReader reader;
    private final IngestBatchWriter writer;
    private final ReportEnricher enricher;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;

    /** @param events receives a {@link StaffAction} for each approved period late data reopens (in the transaction) */
    JdbcIngestStore(TransactionTemplate transactions, JdbcTemplate jdbcTemplate, JsonMapper json,
                    ReportEnricher enricher, ApplicationEventPublisher events) {
        FindingsJson findings = new FindingsJson(json);
        this.transactions = transactions;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.reader = new IngestBatchReader(jdbc, findings);
        this.writer = new IngestBatchWriter(jdbcTemplate, findings);
        this.enricher = enricher;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        for (int run = 1; ; run++) {
            try {
                return runOnce(work);
            } catch (DuplicateKeyException e) {
                if (run == MAX_RUNS) {
                    throw e;
                }
                log.info("A row this batch writes was created meanwhile by another transaction; running the batch "
                        + "again ({})", e.getMostSpecificCause().getMessage());
            }
        }
    }

    private <T> T runOnce(Function<Transaction, T> work) {
        try {
            return transactions.execute(status -> {
                JdbcIngestTransaction tx = new JdbcIngestTransaction(jdbc, reader, writer, enricher,
                        new LateData(jdbcTemplate));
                T result = work.apply(tx);
                for (LateData.Reopened period : tx.flush()) {
                    events.publishEvent(new StaffAction(LateData.ACTOR, "PERIOD_REOPENED_BY_LATE_DATA",
                            period.target(), Map.of("state", "APROBADO"),
                            Map.of("state", "PENDIENTE_REAPROBACION")));
                }
                return result;
            });
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException | TransientDataAccessException
                 | RecoverableDataAccessException e) {
            throw new TransientIngestException("Database unavailable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // e.g. a connection lost mid-transaction, reported with its SQLState inside an uncategorized exception;
            // a duplicate key (recorded meanwhile) is not transient and goes up to inTransaction as it is
            if (Failures.isTransient(e)) {
                throw Failures.asTransient(e);
            }
            throw e;
        }
    }
}
