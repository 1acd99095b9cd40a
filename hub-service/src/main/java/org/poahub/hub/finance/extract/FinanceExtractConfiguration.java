package org.poahub.hub.finance.extract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.ExtractReader;
import org.poahub.routes.finance.FinanceExtractInRoute;
import org.poahub.routes.finance.FinanceInbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires {@code finance-extract-in} to the configured inbox (folder or SFTP) and the PostgreSQL store. */
@Configuration(proxyBeanMethods = false)
class FinanceExtractConfiguration {

    static final String LOADED_BY = "finance-extract-in";

    @Bean
    ExtractFileHandler extractFileHandler(JdbcExtractStore store) {
        return new ExtractFileHandler(new ExtractReader(), store, LOADED_BY);
    }

    @Bean
    @ConditionalOnProperty(name = "poa.finance.inbox.enabled", havingValue = "true")
    FinanceExtractInRoute financeExtractInRoute(FinanceInboxProperties properties, ExtractFileHandler handler) {
        return new FinanceExtractInRoute(inbox(properties), handler);
    }

    static FinanceInbox inbox(FinanceInboxProperties p) {
        if (!p.sftp().configured()) {
            return new FinanceInbox("file:" + p.directory().toAbsolutePath(), "", p.readLockMillis(), p.pollMillis());
        }
        FinanceInboxProperties.Sftp s = p.sftp();
        String options = "password=RAW(" + s.password() + ")" + (s.knownHostsFile() == null
                ? "&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                : "&knownHostsFile=" + URLEncoder.encode(s.knownHostsFile(), StandardCharsets.UTF_8)
                        + "&strictHostKeyChecking=yes");
        return new FinanceInbox("sftp://" + s.user() + "@" + s.host() + ":" + s.port() + "/" + s.directory(),
                options, p.readLockMillis(), p.pollMillis());
    }
}
