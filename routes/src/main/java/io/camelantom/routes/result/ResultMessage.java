package io.camelantom.routes.result;

import java.util.Map;

/** A result message the prebuilt routes publish: a JSON body and the same facts as JMS headers. */
public interface ResultMessage {

    /** The JSON body. */
    String toJson();

    /** The JMS headers ({@code io.camelantom.routes.AntomRouteHeaders}). */
    Map<String, Object> headers();

    /** What the result is about, for error messages ("payment X", "refund Y"). */
    String subject();
}
