package io.camelantom.routes.testsupport;

/** Tear-down of what a test started. */
public final class Resources {

    private Resources() {
    }

    /**
     * Closes each resource that was started (null: never started), in the given order (the application before the
     * broker and the database it uses), even when one of them fails; the first failure is thrown with the later ones
     * suppressed, so that no process or port outlives the test.
     */
    public static void closeAll(AutoCloseable... inOrder) throws Exception {
        Exception failure = null;
        for (AutoCloseable resource : inOrder) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
