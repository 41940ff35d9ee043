package io.camelantom.simulator;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the simulator answers to one API call.
 *
 * @param httpStatus the HTTP status
 * @param body       the JSON body
 * @param signed     whether the response is signed with the Antom key (not for INVALID_SIGNATURE and 5xx)
 * @param delay      real time to wait before answering (the slow trigger)
 */
record ApiResult(int httpStatus, ObjectNode body, boolean signed, Duration delay) {

    static ApiResult ok(ObjectNode body) {
        return new ApiResult(200, body, true, Duration.ZERO);
    }

    static ApiResult unsigned(int httpStatus, ObjectNode body) {
        return new ApiResult(httpStatus, body, false, Duration.ZERO);
    }

    ApiResult delayedBy(Duration d) {
        return new ApiResult(httpStatus, body, signed, d);
    }
}
