package org.poahub.routes.finance;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code finance-execution-out}: writes one export's files ({@code List<OutboxFile>} sent to {@link #ENDPOINT}, the
 * CSV and the XLSX first, the {@code .done} file last) to the outbox, in order, each under a temporary name renamed
 * once whole ({@link FinanceOutbox}). A failed write is tried again with exponential back-off; if it still fails the
 * caller gets the exception and the export stays undelivered (the hub tries it again later). Stopping on the first
 * failure means the {@code .done} file is never written before both files are.
 * <p>
 * {@code finance-execution-publish}: the same execution as an Avro record ({@code FinanceExecution}) sent to
 * {@link #PUBLISH_ENDPOINT} with its key in {@link #KAFKA_KEY}, to the compacted topic; the value serializer (Confluent
 * wire format) is configured on the Kafka component.
 */
public class FinanceExecutionOutRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:finance-execution-out";
    public static final String ROUTE_ID = "finance-execution-out";
    public static final String PUBLISH_ENDPOINT = "direct:finance-execution-publish";
    public static final String PUBLISH_ROUTE_ID = "finance-execution-publish";
    /** Camel's {@code KafkaConstants.KEY}, as in {@code PlanPublishRoute}. */
    public static final String KAFKA_KEY = "CamelKafkaKey";

    /** Camel's {@code Exchange.FILE_NAME}; spelled out like the other routes' header names. */
    static final String FILE_NAME = "CamelFileName";

    private final FinanceOutbox outbox;
    private final String kafkaUri;
    private final int redeliveries;
    private final long redeliveryDelayMillis;

    /**
     * @param kafkaUri              e.g. {@code financekafka:poa.finance.execution}
     * @param redeliveries          how many times a failed write is tried again at once (with back-off)
     * @param redeliveryDelayMillis the first delay; doubled each time
     */
    public FinanceExecutionOutRoute(FinanceOutbox outbox, String kafkaUri, int redeliveries,
            long redeliveryDelayMillis) {
        this.outbox = outbox;
        this.kafkaUri = kafkaUri;
        this.redeliveries = redeliveries;
        this.redeliveryDelayMillis = redeliveryDelayMillis;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(redeliveries)
                        .redeliveryDelay(redeliveryDelayMillis).useExponentialBackOff().backOffMultiplier(2)
                        .logExhausted(false))
                .split(body()).stopOnException()
                    .setHeader(FILE_NAME, simple("${body.name}"))
                    .setBody(simple("${body.content}"))
                    .to(outbox.producerUri())
                .end()
                .log("Execution export written to " + outbox.describe());

        from(PUBLISH_ENDPOINT).routeId(PUBLISH_ROUTE_ID)
                // the producer retries by itself; a failure goes back to the caller, which backs off and logs it
                .errorHandler(defaultErrorHandler().logExhausted(false))
                .to(kafkaUri)
                .log("Execution export ${header." + KAFKA_KEY + "} published to " + kafkaUri);
    }
}
