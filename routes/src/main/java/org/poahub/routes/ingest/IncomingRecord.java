package org.poahub.routes.ingest;

/** One Kafka record of a regional report topic, as received: the raw bytes are kept for audit and replay. */
public record IncomingRecord(String topic, int partition, long offset, byte[] value) {

    /** Where the record came from, for logs and the rejected-report table. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
