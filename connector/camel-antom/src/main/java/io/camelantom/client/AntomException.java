package io.camelantom.client;

/**
 * Base of the errors of an Antom call. Messages name the operation, the path and the ids involved; they never hold key
 * material, tokens or request bodies.
 */
public class AntomException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String path;
    private final transient AntomReply reply;

    public AntomException(String message, String operation, String path, AntomReply reply, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.path = path;
        this.reply = reply;
    }

    /** The operation name ({@code pay}, {@code inquiryPayment}...). */
    public String getOperation() {
        return operation;
    }

    /** The request path that was sent (after the sandbox rewrite). */
    public String getPath() {
        return path;
    }

    /** The answer received, or {@code null} when none arrived (timeout, I/O error). */
    public AntomReply getReply() {
        return reply;
    }

    /** The raw JSON answer, or {@code null}. */
    public String getRawResponse() {
        return reply == null ? null : reply.bodyAsString();
    }
}
