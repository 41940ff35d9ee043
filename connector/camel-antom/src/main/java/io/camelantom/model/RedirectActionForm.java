package io.camelantom.model;

/** Where to send the buyer to complete an online payment. Unknown fields are kept. */
public class RedirectActionForm extends AntomObject {

    private String method;
    private String redirectUrl;
    private String parameters;

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    public void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

}
