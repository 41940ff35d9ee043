package io.camelantom.client;

/**
 * Antom answered {@code F}: the request failed for good (a verified answer). A new attempt at the same thing needs a
 * new request id (for pay: a new {@code paymentRequestId}); resending the same request returns the same failure.
 */
public class AntomFailureException extends AntomException {

    private static final long serialVersionUID = 1L;

    private final String resultCode;
    private final String resultMessage;

    public AntomFailureException(String operation, String path, AntomReply reply) {
        super("Antom " + operation + " failed: F " + reply.result().getResultCode()
              + (reply.result().getResultMessage() == null ? "" : " (" + reply.result().getResultMessage() + ")"),
              operation, path, reply, null);
        this.resultCode = reply.result().getResultCode();
        this.resultMessage = reply.result().getResultMessage();
    }

    public String getResultCode() {
        return resultCode;
    }

    public String getResultMessage() {
        return resultMessage;
    }
}
