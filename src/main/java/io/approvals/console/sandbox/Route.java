package io.approvals.console.sandbox;

import java.util.regex.Pattern;

/**
 * One endpoint: method, path pattern (groups become path parameters), the scope it needs (null: any
 * valid key), whether it takes a JSON body, and whether it needs a key at all (the API's own description
 * does not).
 */
record Route(String method, Pattern path, String scope, boolean takesBody, boolean open, Handler handler) {

    /** Answers one call. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    static Route get(String path, String scope, Handler handler) {
        return new Route("GET", Pattern.compile(path), scope, false, false, handler);
    }

    /** A GET anyone may call, without a key (the OpenAPI document and the API page). */
    static Route open(String path, Handler handler) {
        return new Route("GET", Pattern.compile(path), null, false, true, handler);
    }

    static Route post(String path, String scope, Handler handler) {
        return new Route("POST", Pattern.compile(path), scope, true, false, handler);
    }

    /** A POST whose body may be empty (revoke). */
    static Route postNoBody(String path, String scope, Handler handler) {
        return new Route("POST", Pattern.compile(path), scope, false, false, handler);
    }
}
