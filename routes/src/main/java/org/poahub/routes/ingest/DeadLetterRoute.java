package org.poahub.routes.ingest;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.poahub.contract.Topics;

/**
 * Reject flow: each {@link Rejection} of a committed batch to {@link Topics#DLQ} with its original bytes and the
 * reason in headers (the same reason is in the {@code rejected_report} table).
 */
public class DeadLetterRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:dead-letters";
    public static final String ROUTE_ID = "dead-letters";

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).startupOrder(11)
                .errorHandler(noErrorHandler())
                .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                    // All of a batch's dead letters in one send, as the outcomes: one acknowledged send per
                    // rejection made a batch wait a broker round trip for each.
                    .process(exchange -> exchange.getMessage().setBody(records(exchange)))
                    .to(KafkaProducerUris.bytes(Topics.DLQ))
                .end();
    }

    private static List<Message> records(Exchange exchange) {
        List<?> rejections = exchange.getMessage().getBody(List.class);
        return rejections.stream().map(Rejection.class::cast).map(rejection -> {
            Message record = KafkaRecords.record(exchange, Topics.DLQ, rejection.source().coordinates(),
                    rejection.source().value());
            record.getHeaders().putAll(DeadLetterHeaders.of(rejection));
            return record;
        }).toList();
    }

    /** The reason as Kafka headers (UTF-8 strings); absent values are left out. */
    public static final class DeadLetterHeaders {
        public static final String CODE = "poa-reason-code";
        public static final String FIELD = "poa-reason-field";
        public static final String MESSAGE = "poa-reason-message";
        public static final String ROUTE = "poa-reason-route";
        public static final String TIME = "poa-reason-time";
        public static final String SOURCE_TOPIC = "poa-source-topic";
        public static final String SOURCE_PARTITION = "poa-source-partition";
        public static final String SOURCE_OFFSET = "poa-source-offset";
        public static final String MESSAGE_ID = "poa-message-id";
        public static final String REGION = "poa-region";

        private DeadLetterHeaders() {
        }

        static Map<String, Object> of(Rejection r) {
            Map<String, Object> headers = new java.util.LinkedHashMap<>();
            headers.put(CODE, r.code());
            put(headers, FIELD, r.field());
            headers.put(MESSAGE, r.message());
            headers.put(ROUTE, r.route());
            headers.put(TIME, r.rejectedAt().toString());
            headers.put(SOURCE_TOPIC, r.source().topic());
            headers.put(SOURCE_PARTITION, String.valueOf(r.source().partition()));
            headers.put(SOURCE_OFFSET, String.valueOf(r.source().offset()));
            put(headers, MESSAGE_ID, r.messageId() == null ? null : r.messageId().toString());
            put(headers, REGION, r.regionCode());
            return headers;
        }

        private static void put(Map<String, Object> headers, String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
        }
    }
}
