package org.poahub.hub.finance.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.contract.FinanceExecution;
import org.poahub.hub.finance.extract.FinanceInboxProperties;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
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
        KafkaConfiguration configuration = new KafkaConfiguration();
        configuration.setBrokers(kafka.bootstrapServers());
        configuration.setRecordMetadata(true);
        // Named so that Camel passes the record through; the instance used is the one the factory below builds.
        configuration.setValueSerializer(AvroWireSerializer.class.getName());
        configuration.setKeySerializer(StringSerializer.class.getName());
        Map<String, Object> extra = kafka.additionalClientProperties();
        // Fail within seconds when the broker is away: the delivery backs off and tries again.
        extra.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        extra.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        extra.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        configuration.setAdditionalProperties(extra);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(configuration);
        component.setLazyStartProducer(true);
        component.setKafkaClientFactory(new DefaultKafkaClientFactory() {
            @Override
            public Producer<String, FinanceExecution> getProducer(Properties props) {
                return new KafkaProducer<>(props, new StringSerializer(), new AvroWireSerializer<FinanceExecution>(
                        registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false));
            }
        });
        return component;
    }
}
