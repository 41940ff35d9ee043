package io.camelantom.encryption;

/** What the random AES key of each message looks like before RSA wraps it (UNCONFIRMED for Antom). */
public enum AesKeyForm {
    /** Random key bytes from the JDK's {@code KeyGenerator("AES")} (ZOLOZ's Java SDK). The default. */
    RANDOM_BYTES,
    /**
     * A random string of letters and digits, one character per key byte, used as the key bytes (ZOLOZ's shell and
     * Python clients, an Ant-internal web client).
     */
    ASCII_STRING
}
