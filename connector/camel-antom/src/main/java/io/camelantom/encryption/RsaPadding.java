package io.camelantom.encryption;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** How RSA wraps the AES key (UNCONFIRMED for Antom; every Ant gateway found uses {@link #PKCS1}). */
public enum RsaPadding {
    /** {@code RSA/ECB/PKCS1Padding} (PKCS#1 v1.5). The default. */
    PKCS1("RSA/ECB/PKCS1Padding", null),
    /** RSA-OAEP with SHA-1 and MGF1-SHA-1. */
    OAEP_SHA1("RSA/ECB/OAEPPadding",
              new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT)),
    /** RSA-OAEP with SHA-256 and MGF1-SHA-256 (OpenSSL's {@code rsa_oaep_md:sha256 rsa_mgf1_md:sha256}). */
    OAEP_SHA256("RSA/ECB/OAEPPadding",
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));

    private final String transformation;
    private final AlgorithmParameterSpec parameters;

    RsaPadding(String transformation, AlgorithmParameterSpec parameters) {
        this.transformation = transformation;
        this.parameters = parameters;
    }

    public String getTransformation() {
        return transformation;
    }

    /** The explicit parameters, {@code null} for PKCS#1 v1.5. */
    AlgorithmParameterSpec getParameters() {
        return parameters;
    }
}
