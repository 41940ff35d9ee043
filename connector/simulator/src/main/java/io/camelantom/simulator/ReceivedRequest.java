package io.camelantom.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One API request as it reached the simulator: method, path and HTTP headers (names in lower case), so that a test can
 * see what a client really sent on the wire (an interceptor's header, a user agent). Bodies are not kept.
 */
public record ReceivedRequest(String method, String path, Map<String, List<String>> headers) {

    public ReceivedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
