package io.camelantom.model;

/** A {@code notifyCapture} notification ({@code notifyType} CAPTURE_RESULT: the literal is UNCONFIRMED, see the protocol notes). Unknown fields are kept. */
public class CaptureNotification extends AntomNotification implements CaptureDetails, AcquirerReference {
}
