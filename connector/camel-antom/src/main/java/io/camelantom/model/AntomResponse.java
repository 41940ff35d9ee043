package io.camelantom.model;

/** Base of Antom responses: every answer carries a {@link Result}. */
public abstract class AntomResponse extends AntomObject {

    private Result result;

    public Result getResult() {
        return result;
    }

    public void setResult(Result result) {
        this.result = result;
    }
}
