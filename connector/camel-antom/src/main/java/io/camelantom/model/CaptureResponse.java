package io.camelantom.model;

/** Response of {@code capture}. Unknown fields are kept. */
public class CaptureResponse extends AntomResponse implements CaptureDetails, AcquirerReference {
}
