package org.poahub.hub.finance.export;

import java.nio.file.Path;
import java.time.Duration;
import org.poahub.contract.Topics;
import org.poahub.hub.finance.extract.FinanceInboxProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code poa.finance.export}: where {@code finance-execution-out} writes (docs/finance.md, "Execution out"). A local
 * folder by default; an SFTP folder when {@code sftp.host} is set. The schedule is {@code poa.finance.export.cron}
 * (read by {@link ExportTriggers}; off by default).
 *
 * @param directory     the local outbox (default {@code $POA_HOME/finanzas/salida})
 * @param sftp          the SFTP outbox, used instead of {@code directory} when its host is set
 * @param topic         the compacted topic of the Avro record (default {@code poa.finance.execution})
 * @param redeliveries  failed writes tried again at once by the route (exponential back-off from
 *                      {@code redeliveryDelay})
 * @param retryFirst    after that, the first wait before the hub tries an undelivered export again; doubled after
 *                      each failure up to {@code retryMax}
 * @param sweepInterval how often the hub looks for undelivered exports (those of a hub that stopped, or of another)
 */
@ConfigurationProperties("poa.finance.export")
public record FinanceExportProperties(Path directory, FinanceInboxProperties.Sftp sftp, String topic,
        int redeliveries, Duration redeliveryDelay, Duration retryFirst, Duration retryMax, Duration sweepInterval) {

    public FinanceExportProperties {
        directory = directory == null ? Path.of("var", "finanzas", "salida") : directory;
        sftp = sftp == null ? new FinanceInboxProperties.Sftp(null, 22, null, null, "salida", null) : sftp;
        topic = topic == null || topic.isBlank() ? Topics.FINANCE_EXECUTION : topic;
        redeliveries = redeliveries <= 0 ? 2 : redeliveries;
        redeliveryDelay = redeliveryDelay == null ? Duration.ofMillis(500) : redeliveryDelay;
        retryFirst = retryFirst == null ? Duration.ofSeconds(5) : retryFirst;
        retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    }
}
