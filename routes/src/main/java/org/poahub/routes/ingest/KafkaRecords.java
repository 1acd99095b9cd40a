package org.poahub.routes.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/** One record of a list sent in one producer call to a {@link KafkaProducerUris#bytes} endpoint. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    static Message record(Exchange exchange, String topic, String key, byte[] value) {
        Message record = new DefaultMessage(exchange.getContext());
        record.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
        record.setHeader(KafkaConstants.KEY, key);
        record.setBody(value);
        return record;
    }
}
