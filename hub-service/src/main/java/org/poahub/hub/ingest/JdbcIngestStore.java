package org.poahub.hub.ingest;

import java.util.function.Function;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.routes.ingest.Failures;
import org.poahub.routes.ingest.IngestStore;
import org.poahub.routes.ingest.TransientIngestException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link IngestStore} over PostgreSQL: one transaction per batch; an unreachable database is transient. */
class JdbcIngestStore implements IngestStore {

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportEnricher enricher;

    JdbcIngestStore(TransactionTemplate transactions, JdbcClient jdbc, JsonMapper json, ReportEnricher enricher) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.enricher = enricher;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        try {
            return transactions.execute(status -> {
                JdbcIngestTransaction tx = new JdbcIngestTransaction(jdbc, json, enricher);
                T result = work.apply(tx);
                tx.flushAgentSequences();
                return result;
            });
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException | TransientDataAccessException
                 | RecoverableDataAccessException e) {
            throw new TransientIngestException("Database unavailable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // e.g. a connection lost mid-transaction, reported with its SQLState inside an uncategorized exception
            if (Failures.isTransient(e)) {
                throw Failures.asTransient(e);
            }
            throw e;
        }
    }
}
