package io.camelantom.signing;

/** A key could not be loaded. The message says which form was expected; it never holds key material. */
public class AntomKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AntomKeyException(String message) {
        super(message);
    }
}
