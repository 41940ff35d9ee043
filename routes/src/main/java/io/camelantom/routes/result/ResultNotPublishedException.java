package io.camelantom.routes.result;

/** A result message could not be published (broker unreachable...): transient, the caller retries. */
public class ResultNotPublishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResultNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
