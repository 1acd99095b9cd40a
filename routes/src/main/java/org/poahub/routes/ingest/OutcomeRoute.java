package org.poahub.routes.ingest;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/** Outcome flow: the {@link OutcomeMessage}s of a committed batch, serialized, to their regions' outcome topics. */
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
                .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
                    // The whole batch in one send: the producer sends every record, then waits for all the
                    // acknowledgements. One send per outcome waited a broker round trip plus linger.ms for each.
                    .process(exchange -> exchange.getMessage().setBody(records(exchange)))
                    .to(KafkaProducerUris.bytes("poa.outcomes"))
                .end();
    }

    private List<Message> records(Exchange exchange) {
        List<?> outcomes = exchange.getMessage().getBody(List.class);
        return outcomes.stream().map(OutcomeMessage.class::cast)
                .map(outcome -> KafkaRecords.record(exchange, outcome.topic(),
                        outcome.outcome().getMessageId().toString(), writer.write(outcome)))
                .toList();
    }
}
