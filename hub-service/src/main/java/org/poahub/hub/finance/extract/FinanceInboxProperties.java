package org.poahub.hub.finance.extract;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code poa.finance.inbox}: where financial-system extracts are dropped. A local folder by default; an SFTP folder
 * when {@code sftp.host} is set.
 *
 * @param enabled        start the {@code finance-extract-in} route
 * @param directory      the local inbox (default {@code $POA_HOME/finanzas/entrada})
 * @param readLockMillis how long a file must stay unchanged before it is read
 * @param pollMillis     how often the inbox is listed
 * @param sftp           the SFTP inbox, used instead of {@code directory} when its host is set
 */
@ConfigurationProperties("poa.finance.inbox")
public record FinanceInboxProperties(boolean enabled, Path directory, long readLockMillis, long pollMillis,
        Sftp sftp) {

    public FinanceInboxProperties {
        directory = directory == null ? Path.of("var", "finanzas", "entrada") : directory;
        readLockMillis = readLockMillis <= 0 ? 2000 : readLockMillis;
        pollMillis = pollMillis <= 0 ? 5000 : pollMillis;
        sftp = sftp == null ? new Sftp(null, 22, null, null, "entrada", null) : sftp;
    }

    /**
     * @param knownHostsFile the server's host key; when absent the host key is not checked (say so in deployment)
     */
    public record Sftp(String host, int port, String user, String password, String directory,
            String knownHostsFile) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
