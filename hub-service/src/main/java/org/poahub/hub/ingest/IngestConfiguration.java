package org.poahub.hub.ingest;

import java.time.Clock;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.consolidation.CurrentPlans;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.plan.RegionCatalogue;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.routes.ingest.AfterOffsetCommit;
import org.poahub.routes.ingest.BatchIngestion;
import org.poahub.routes.ingest.BeforeOffsetCommit;
import org.poahub.routes.ingest.DeadLetterRoute;
import org.poahub.routes.ingest.IngestSettings;
import org.poahub.routes.ingest.OutcomeRoute;
import org.poahub.routes.ingest.OutcomeWriter;
import org.poahub.routes.ingest.PoisonRecordIsolator;
import org.poahub.routes.ingest.ReportBatchIngestor;
import org.poahub.routes.ingest.ReportDecoder;
import org.poahub.routes.ingest.ReportIngestRoute;
import org.poahub.rules.PlanView;
import org.poahub.rules.RuleSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ingest, outcome and dead-letter routes of the {@code routes} module into the hub. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@ConditionalOnProperty(prefix = "poa.ingest", name = "enabled", havingValue = "true", matchIfMissing = true)
class IngestConfiguration {

    /**
     * The camel-kafka component, configured here because there is no Camel Kafka starter on the Maven mirror. Added
     * to the context under {@code kafka} rather than declared as a bean of that name: {@code kafka} is the health
     * indicator's bean name.
     */
    @Bean
    CamelContextConfiguration kafkaComponent(KafkaProperties kafka, IngestProperties ingest) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                KafkaConfiguration configuration = new KafkaConfiguration();
                configuration.setBrokers(kafka.bootstrapServers());
                configuration.setAdditionalProperties(kafka.additionalClientProperties());
                // Bounded so that a hub whose broker is gone stops promptly: the client defaults let a producer
                // close wait for delivery.timeout.ms (120 s) and a send block for max.block.ms (60 s).
                configuration.setShutdownTimeout(ingest.kafkaShutdownTimeoutMs());
                configuration.setMaxBlockMs(ingest.producerMaxBlockMs());
                configuration.setRequestTimeoutMs(ingest.producerRequestTimeoutMs());
                configuration.setDeliveryTimeoutMs(ingest.producerDeliveryTimeoutMs());
                configuration.setMaxPollIntervalMs(ingest.maxPollIntervalMs());
                configuration.setFetchMinBytes(ingest.fetchMinBytes());
                configuration.setFetchWaitMaxMs(ingest.fetchMaxWaitMs());
                KafkaComponent component = new KafkaComponent();
                component.setConfiguration(configuration);
                camelContext.addComponent("kafka", component);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(PlanView.class)
    StoredPlanView planView(CurrentPlans plans, RegionCatalogue regions) {
        return new StoredPlanView(plans, regions);
    }

    @Bean
    JdbcIngestStore ingestStore(TransactionTemplate transactions, JdbcTemplate jdbc, ReportEnricher enricher,
                                ApplicationEventPublisher events) {
        return new JdbcIngestStore(transactions, jdbc, JsonMapper.builder().build(), enricher, events);
    }

    @Bean
    ReportDecoder reportDecoder(SchemaRegistryClient registry) {
        // The schema registry is read only: the agents register the schemas they write with.
        return new ReportDecoder(new AvroWireDeserializer<SpecificRecord>(registry, Map.of(), false), Clock.systemUTC());
    }

    @Bean
    ReportBatchIngestor reportBatchIngestor(ReportDecoder decoder, JdbcIngestStore store, PlanView plan,
                                            IngestProperties properties) {
        return new ReportBatchIngestor(decoder, store, plan, new RuleSettings(properties.unbudgetedObject()),
                Clock.systemUTC());
    }

    @Bean
    ReportIngestRoute reportIngestRoute(IngestProperties properties, ReportBatchIngestor ingestor,
                                        ReportDecoder decoder, JdbcIngestStore store, Admin admin,
                                        RegionCatalogue regions, ObjectProvider<BeforeOffsetCommit> beforeOffsetCommit,
                                        ObjectProvider<AfterOffsetCommit> afterOffsetCommit) {
        IngestTopics.createMissing(admin, regions, properties.topicPartitions(), properties.replicationFactor());
        IngestSettings settings = new IngestSettings(IngestTopics.reportTopics(regions), properties.groupId(),
                properties.maxPollRecords(), properties.pollTimeoutMs(), properties.batchingIntervalMs(),
                properties.retryDelayMs(), properties.maxRetryDelayMs(), properties.consumers());
        BatchIngestion isolating = new PoisonRecordIsolator(ingestor::ingest, decoder, store,
                properties.poisonBatchAttempts(), Clock.systemUTC());
        return new ReportIngestRoute(settings, isolating,
                beforeOffsetCommit.getIfAvailable(() -> BeforeOffsetCommit.NOTHING),
                afterOffsetCommit.getIfAvailable(() -> AfterOffsetCommit.NOTHING));
    }

    @Bean
    OutcomeRoute outcomeRoute(SchemaRegistryClient registry) {
        // The hub writes outcomes, so it registers the ReportOutcome schema it writes with.
        Map<String, Object> props = Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        return new OutcomeRoute(new OutcomeWriter(new AvroWireSerializer<ReportOutcome>(registry, props, false)));
    }

    @Bean
    DeadLetterRoute deadLetterRoute() {
        return new DeadLetterRoute();
    }
}
