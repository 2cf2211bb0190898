package io.jifen.admin.security;

import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class CallerContext {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return caller;
    }
}
