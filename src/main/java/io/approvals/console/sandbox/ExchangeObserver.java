package io.approvals.console.sandbox;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Sees every request the sandbox answered and its answer, after the answer was sent. Found with
 * {@link ServiceLoader}; the application ships none. The tests install one that checks each exchange against
 * docs/api/openapi.yaml, so every existing test that talks to the sandbox also checks the API's description.
 */
interface ExchangeObserver {

    /**
     * One exchange. requestBody holds what the sandbox read of the body (empty when it read none; at most
     * 64 KiB + 1 bytes); responseBody is empty for HEAD, 304 and answers without a body.
     */
    void exchange(
            String method,
            String rawPathAndQuery,
            Headers requestHeaders,
            byte[] requestBody,
            int status,
            Headers responseHeaders,
            byte[] responseBody);

    /** The observers on the class path (none in the application). */
    static List<ExchangeObserver> installed() {
        return ServiceLoader.load(ExchangeObserver.class, ExchangeObserver.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
