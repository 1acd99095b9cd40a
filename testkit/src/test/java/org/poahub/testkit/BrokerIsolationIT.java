package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.RegionAcls;
import org.poahub.contract.Topics;

/**
 * The shared test broker refuses what a region may not do, with the ACLs of {@link RegionAcls} and agents logging in
 * over TLS as production agents do. (The hub side, ingest throughout and REGION_MISMATCH as the second line, is
 * hub-service's RegionIsolationIT.)
 */
class BrokerIsolationIT {

    static final String LA_PAZ = "BO-L";
    static final String COCHABAMBA = "BO-C";

    @BeforeAll
    static void topics() {
        for (String region : List.of(LA_PAZ, COCHABAMBA)) {
            TestKafka.createTopics(1, Topics.progress(region), Topics.expenditure(region), Topics.outcomes(region));
        }
        TestKafka.createTopics(1, Topics.PLAN);
    }

    @Test
    void anAgentWritesItsOwnRegionButTheBrokerRefusesAnotherRegionsTopicAndAppendsNothing() throws Exception {
        AgentAccount laPaz = TestKafka.agent(LA_PAZ, "agente-iso-w-bo-l");
        int cochabambaBefore = TestKafka.readAll(Topics.progress(COCHABAMBA)).size();
        int laPazBefore = TestKafka.readAll(Topics.progress(LA_PAZ)).size();
        try (KafkaProducer<String, String> producer = producer(laPaz)) {
            producer.send(new ProducerRecord<>(Topics.progress(LA_PAZ), "BO-L|01.01.01", "own")).get();

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.progress(COCHABAMBA), "BO-C|01.01.01",
                    "foreign")).get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.outcomes(LA_PAZ), "BO-L|01.01.01",
                    "forged outcome")).get()).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(TestKafka.readAll(Topics.progress(COCHABAMBA))).hasSize(cochabambaBefore);
        assertThat(TestKafka.readAll(Topics.progress(LA_PAZ))).hasSize(laPazBefore + 1);
    }

    @Test
    void anAgentReadsItsOwnOutcomesAndThePlanButNotAnotherRegionsOutcomes() {
        AgentAccount laPaz = TestKafka.agent(LA_PAZ, "agente-iso-r-bo-l");
        String group = RegionAcls.agentReceiptsGroup(laPaz.user());
        try (KafkaConsumer<String, String> own = consumer(laPaz, group)) {
            own.subscribe(List.of(Topics.outcomes(LA_PAZ), Topics.PLAN));
            own.poll(Duration.ofSeconds(2));
        }
        try (KafkaConsumer<String, String> foreign = consumer(laPaz, group)) {
            foreign.subscribe(List.of(Topics.outcomes(COCHABAMBA)));
            assertThatThrownBy(() -> pollUntilRefused(foreign)).isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.outcomes(COCHABAMBA));
        }
        try (KafkaConsumer<String, String> otherGroup = consumer(laPaz, "poa-hub")) {
            otherGroup.subscribe(List.of(Topics.outcomes(LA_PAZ)));
            assertThatThrownBy(() -> pollUntilRefused(otherGroup)).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        AgentAccount laPaz = TestKafka.agent(LA_PAZ, "agente-iso-p-bo-l");
        Map<String, Object> config = new HashMap<>(laPaz.withPassword("not-the-password").clientProperties());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.progress(LA_PAZ), "k", "v")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aRevokedAgentIsStoppedWithinSeconds() throws Exception {
        AgentAccount laPaz = TestKafka.agent(LA_PAZ, "agente-iso-x-bo-l");
        try (KafkaProducer<String, String> producer = producer(laPaz)) {
            producer.send(new ProducerRecord<>(Topics.progress(LA_PAZ), "BO-L|01.01.01", "before")).get();

            TestKafka.revoke(laPaz.user());

            // Its open connection stays authenticated, but every request is authorized again: the ACLs are gone.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.progress(LA_PAZ),
                            "BO-L|01.01.01", "after")).get()).hasCauseInstanceOf(TopicAuthorizationException.class));
        }
        try (KafkaProducer<String, String> again = producer(laPaz)) {
            assertThatThrownBy(() -> again.send(new ProducerRecord<>(Topics.progress(LA_PAZ), "k", "new login")).get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static void pollUntilRefused(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500));
        }
    }

    private static KafkaProducer<String, String> producer(AgentAccount account) {
        Map<String, Object> config = new HashMap<>(account.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(AgentAccount account, String group) {
        Map<String, Object> config = new HashMap<>(account.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
