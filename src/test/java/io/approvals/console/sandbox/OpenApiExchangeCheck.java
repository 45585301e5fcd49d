package io.approvals.console.sandbox;

import com.sun.net.httpserver.Headers;
import io.approvals.console.testing.OpenApiExchanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' {@link ExchangeObserver} (META-INF/services in src/test/resources): hands every exchange of every
 * sandbox started in the test JVM to {@link OpenApiExchanges}, which checks it against docs/api/openapi.yaml.
 * Only where surefire sets {@code -Dopenapi.exchangeCheck=true}: sandboxes the tests start as processes load this
 * class too, and stay unchecked.
 */
public final class OpenApiExchangeCheck implements ExchangeObserver {
    private static final boolean ENABLED = Boolean.getBoolean("openapi.exchangeCheck");

    @Override
    public void exchange(
            String method,
            String rawPathAndQuery,
            Headers requestHeaders,
            byte[] requestBody,
            int status,
            Headers responseHeaders,
            byte[] responseBody) {
        if (ENABLED) {
            OpenApiExchanges.get()
                    .offer(new OpenApiExchanges.Exchange(
                            method,
                            rawPathAndQuery,
                            copy(requestHeaders),
                            requestBody,
                            status,
                            copy(responseHeaders),
                            responseBody));
        }
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name, List.copyOf(values)));
        return out;
    }
}
