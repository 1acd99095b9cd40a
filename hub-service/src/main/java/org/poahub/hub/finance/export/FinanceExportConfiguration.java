package org.poahub.hub.finance.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.component.kafka.KafkaComponent;
import org.poahub.contract.FinanceExecution;
import org.poahub.hub.finance.extract.FinanceInboxProperties;
import org.poahub.hub.kafka.AvroPublishingComponent;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.routes.finance.FinanceExecutionOutRoute;
import org.poahub.routes.finance.FinanceOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires {@code finance-execution-out}: the outbox (folder or SFTP), the route, and a Camel Kafka component of its own
 * ({@value #COMPONENT}) whose producer writes {@link FinanceExecution} in the Confluent wire format, registering the
 * schema in the hub's registry on first use (as the plan's component does; {@code poa.registry.username} needs a
 * writer role).
 */
@Configuration(proxyBeanMethods = false)
class FinanceExportConfiguration {

    static final String COMPONENT = "financekafka";

    @Bean
    FinanceOutbox financeOutbox(FinanceExportProperties p) {
        if (!p.sftp().configured()) {
            return new FinanceOutbox("file:" + p.directory().toAbsolutePath(), "");
        }
        FinanceInboxProperties.Sftp s = p.sftp();
        // No reconnect loop inside an attempt: a server that is down fails the attempt at once, and the delivery's
        // back-off paces the next ones.
        String options = "password=RAW(" + s.password() + ")&maximumReconnectAttempts=0" + (s.knownHostsFile() == null
                ? "&strictHostKeyChecking=no&useUserKnownHostsFile=false"
                : "&knownHostsFile=" + URLEncoder.encode(s.knownHostsFile(), StandardCharsets.UTF_8)
                        + "&strictHostKeyChecking=yes");
        return new FinanceOutbox("sftp://" + s.user() + "@" + s.host() + ":" + s.port() + "/" + s.directory(),
                options);
    }

    @Bean
    FinanceExecutionOutRoute financeExecutionOutRoute(FinanceOutbox outbox, FinanceExportProperties p) {
        return new FinanceExecutionOutRoute(outbox, COMPONENT + ":" + p.topic(), p.redeliveries(),
                p.redeliveryDelay().toMillis());
    }

    @Bean(COMPONENT)
    KafkaComponent financeKafkaComponent(KafkaProperties kafka, SchemaRegistryClient registry) {
        return AvroPublishingComponent.create(kafka, registry);
    }
}
