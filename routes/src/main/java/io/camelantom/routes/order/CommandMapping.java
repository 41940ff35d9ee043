package io.camelantom.routes.order;

import io.camelantom.routes.AntomRouteHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The optional {@code commandMapper} of the command routes, and the one way they read their canonical command: like
 * the {@code orderMapper}, the mapper works on a copy of the exchange (the message keeps its original body for the
 * dead-letter queue and redeliveries) that carries the command's name in {@link AntomRouteHeaders#COMMAND}
 * ({@code cancel}, {@code refund}, {@code inquiry}), and leaves the canonical command as the body. An exception from it
 * is bad input. The order bridge's {@code orderMapper} runs the same way, through {@link #mappedBody}.
 */
final class CommandMapping {

    private static final String CANCEL = "cancel";
    private static final String REFUND = "refund";
    private static final String INQUIRY = "inquiry";

    private final Processor mapper;

    /** @param mapper the instance's {@code commandMapper}; null: the bodies are canonical commands already */
    CommandMapping(Processor mapper) {
        this.mapper = mapper;
    }

    CanonicalCommand.Cancel cancel(Exchange exchange) {
        return CanonicalCommandReader.cancel(body(exchange, CANCEL));
    }

    CanonicalCommand.Refund refund(Exchange exchange) {
        return CanonicalCommandReader.refund(body(exchange, REFUND));
    }

    CanonicalCommand.Inquiry inquiry(Exchange exchange) {
        return CanonicalCommandReader.inquiry(body(exchange, INQUIRY));
    }

    /** The body to read the canonical command from. */
    private Object body(Exchange exchange, String command) {
        if (mapper == null) {
            return exchange.getMessage().getBody();
        }
        return mappedBody(exchange, mapper, "command mapper", command);
    }

    /**
     * Runs an ERP mapper ({@code orderMapper}, {@code commandMapper}) on a copy of the exchange and returns the body it
     * left: the original message stays intact for the dead-letter queue and redeliveries. Whatever the mapper throws
     * or sets as the copy's exception is bad input.
     *
     * @param command the command's name for {@link AntomRouteHeaders#COMMAND}; null for an order (no header)
     */
    static Object mappedBody(Exchange exchange, Processor mapper, String mapperName, String command) {
        Exchange copy = exchange.copy();
        if (command != null) {
            copy.getMessage().setHeader(AntomRouteHeaders.COMMAND, command);
        }
        try {
            mapper.process(copy);
        } catch (RejectedMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new RejectedMessageException("the " + mapperName + " refused the message: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        if (copy.getException() != null) {
            throw new RejectedMessageException("the " + mapperName + " refused the message: "
                    + copy.getException().getMessage(), copy.getException());
        }
        return copy.getMessage().getBody();
    }
}
