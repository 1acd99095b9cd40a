package org.poahub.routes.ingest;

/** Producer endpoints of the ingest flows: byte values, and the topic named by a header on each message. */
final class KafkaProducerUris {

    private KafkaProducerUris() {
    }

    /**
     * {@code defaultTopic} is only a name for the endpoint: every message carries {@code kafka.OVERRIDE_TOPIC}. A
     * list of messages is sent as one batch, each record with its own message's headers
     * ({@code batchWithIndividualHeaders}; by default camel-kafka gives every record the list's headers).
     */
    static String bytes(String defaultTopic) {
        return "kafka:" + defaultTopic + "?requestRequiredAcks=all&enableIdempotence=true&batchWithIndividualHeaders=true"
                + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    }
}
