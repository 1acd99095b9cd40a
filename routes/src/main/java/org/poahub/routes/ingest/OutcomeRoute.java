package org.poahub.routes.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/** Outcome flow: each {@link OutcomeMessage} of a committed batch, serialized, to its region's outcomes topic. */
public class OutcomeRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:publish-outcomes";
    public static final String ROUTE_ID = "publish-outcomes";

    private final OutcomeWriter writer;

    public OutcomeRoute(OutcomeWriter writer) {
        this.writer = writer;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).startupOrder(10)
                // Failures go back to the ingest route, which retries or leaves the offsets uncommitted.
                .errorHandler(noErrorHandler())
                .split(body()).stopOnException()
                    .process(exchange -> {
                        OutcomeMessage message = exchange.getMessage().getBody(OutcomeMessage.class);
                        exchange.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, message.topic());
                        exchange.getMessage().setHeader(KafkaConstants.KEY, message.outcome().getMessageId().toString());
                        exchange.getMessage().setBody(writer.write(message));
                    })
                    .to(KafkaProducerUris.bytes("poa.outcomes"))
                .end();
    }
}
