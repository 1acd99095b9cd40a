package org.poahub.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaRoundTripIT {

    @Test
    void recordsProducedToTheRealBrokerComeBackInOrderPerKey() throws Exception {
        String topic = "roundtrip-" + UUID.randomUUID();
        TestKafka.createTopics(3, topic);

        Map<String, Object> producerConfig = new HashMap<>(TestKafka.adminClientProperties());
        producerConfig.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            for (int i = 0; i < 90; i++) {
                producer.send(new ProducerRecord<>(topic, "LP-" + (i % 3), "avance " + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        Map<String, Object> consumerConfig = new HashMap<>(TestKafka.adminClientProperties());
        consumerConfig.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < 90 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(90);
        for (String key : List.of("LP-0", "LP-1", "LP-2")) {
            List<Integer> sequence = received.stream().filter(r -> r.key().equals(key))
                    .map(r -> Integer.parseInt(r.value().substring("avance ".length()))).toList();
            assertThat(sequence).hasSize(30).isSorted();
        }
        assertThat(TestKafka.readAll(topic)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .hasSize(90).contains("avance 0", "avance 89");
    }
}
