package io.camelantom.routes.order;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test's own folder and the {@link OrderBridgeHarness} it starts there, closed after each test. */
abstract class OrderBridgeTestSupport {

    @TempDir
    Path dir;

    OrderBridgeHarness h;

    @AfterEach
    void closeHarness() throws Exception {
        if (h != null) {
            h.close();
        }
    }
}
