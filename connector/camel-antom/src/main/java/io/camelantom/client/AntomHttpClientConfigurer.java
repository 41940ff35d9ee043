package io.camelantom.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Tunes the Apache HttpClient 5 builder of an Antom client, the way camel-http users tune theirs with
 * {@code org.apache.camel.component.http.HttpClientConfigurer}: proxies and route planners, request interceptors,
 * a connection manager of one's own (pools, TLS details), user agent.
 * <p>
 * It is called once per endpoint, when the endpoint starts, after the component has applied its own options (timeouts,
 * pool size, TLS, proxy), so what it sets wins. The component then switches HTTP-level automatic retries off again:
 * a payment request is only ever resent by the component (identical bytes, {@code maxRetries}) or by Camel
 * redelivery, never behind their back. A configurer that replaces the connection manager replaces the component's
 * {@code connectTimeout}, {@code requestTimeout} (socket part), {@code maxConnections} and {@code sslContextParameters}
 * with its own.
 * <p>
 * The method has the name and shape of camel-http's, so one class can implement both interfaces.
 */
@FunctionalInterface
public interface AntomHttpClientConfigurer {

    /** Adjusts the builder before the client is built. */
    void configureHttpClient(HttpClientBuilder clientBuilder);
}
