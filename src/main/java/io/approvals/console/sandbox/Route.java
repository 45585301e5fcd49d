package io.approvals.console.sandbox;

import java.util.regex.Pattern;

/**
 * One endpoint: method, path pattern (groups become path parameters), the scope it needs (null: any
 * valid key) and whether it takes a JSON body.
 */
record Route(String method, Pattern path, String scope, boolean takesBody, Handler handler) {

    /** Answers one call. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    static Route get(String path, String scope, Handler handler) {
        return new Route("GET", Pattern.compile(path), scope, false, handler);
    }

    static Route post(String path, String scope, Handler handler) {
        return new Route("POST", Pattern.compile(path), scope, true, handler);
    }

    /** A POST whose body may be empty (revoke). */
    static Route postNoBody(String path, String scope, Handler handler) {
        return new Route("POST", Pattern.compile(path), scope, false, handler);
    }
}
