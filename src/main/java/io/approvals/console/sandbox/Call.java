package io.approvals.console.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;

/** One request as a handler sees it: authenticated caller, query, path parameters and parsed body. */
record Call(
        String method,
        String path,
        Map<String, String> query,
        List<String> pathParams,
        Headers headers,
        Caller caller,
        ObjectNode body) {

    String query(String name) {
        return query.get(name);
    }

    String pathParam(int index) {
        return pathParams.get(index);
    }
}
