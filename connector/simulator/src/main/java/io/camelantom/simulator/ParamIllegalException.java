package io.camelantom.simulator;

/** A request field is missing or invalid: answered {@code F PARAM_ILLEGAL} with this message, which names the field. */
final class ParamIllegalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ParamIllegalException(String message) {
        super(message, null, false, false);
    }
}
