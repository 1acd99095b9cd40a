package org.poahub.routes.finance;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code finance-extract-in}: financial-system extracts dropped in an inbox (a folder, or a folder on an SFTP server)
 * are loaded by {@link ExtractFileHandler}; each file then moves to {@code procesados/} or {@code con-errores/} with a
 * note next to it ({@code .resultado.txt} or {@code .errores.txt}). A failure to store leaves the file in the inbox to
 * be tried again. The consumer URI carries the read lock, the file filter and the move expression
 * ({@link FinanceInbox}).
 */
public class FinanceExtractInRoute extends RouteBuilder {

    public static final String ROUTE_ID = "finance-extract-in";

    private final FinanceInbox inbox;
    private final ExtractFileHandler handler;

    public FinanceExtractInRoute(FinanceInbox inbox, ExtractFileHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @Override
    public void configure() {
        from(inbox.consumerUri()).routeId(ROUTE_ID)
                .process(this::load)
                .choice()
                    .when(exchangeProperty(FinanceInbox.FOLDER).isEqualTo(ExtractOutcome.REJECTED))
                        .to(inbox.producerUri(ExtractOutcome.REJECTED))
                    .otherwise()
                        .to(inbox.producerUri(ExtractOutcome.PROCESSED))
                .end()
                .log("Financial-system extract ${exchangeProperty." + FinanceInbox.TARGET + "}: "
                        + "${exchangeProperty." + FinanceInbox.SUMMARY + "}");
    }

    private void load(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        ExtractOutcome outcome = handler.handle(name, exchange.getMessage().getBody(byte[].class),
                inbox.describe() + "/" + name);
        String target = FinanceInbox.stamped(name, exchange.getClock().getCreated());
        exchange.setProperty(FinanceInbox.FOLDER, outcome.folder());
        exchange.setProperty(FinanceInbox.TARGET, outcome.folder() + "/" + target);
        String note = outcome.note(name);
        exchange.setProperty(FinanceInbox.SUMMARY, note.lines().findFirst().orElse(""));
        exchange.getMessage().setHeader(FinanceInbox.OVERRULE_FILE_NAME, target + outcome.noteSuffix());
        exchange.getMessage().setBody(note.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
