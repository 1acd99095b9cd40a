package org.poahub.routes.ingest;

/** Producer endpoints of the ingest flows: byte values, and the topic named by a header on each message. */
final class KafkaProducerUris {

    private KafkaProducerUris() {
    }

    /** {@code defaultTopic} is only a name for the endpoint: every message carries {@code kafka.OVERRIDE_TOPIC}. */
    static String bytes(String defaultTopic) {
        return "kafka:" + defaultTopic + "?requestRequiredAcks=all&enableIdempotence=true"
                + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    }
}
