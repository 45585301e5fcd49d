package io.approvals.console.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The API's own description, without a key: GET /openapi.json (docs/api/openapi.yaml, copied into the jar by the
 * build and read here once) and GET /docs, Swagger UI from its webjar, pointed at /openapi.json. Nothing is
 * fetched from the internet.
 */
final class ApiDocs {
    static final String OPENAPI_RESOURCE = "/io/approvals/console/sandbox/api/openapi.yaml";
    private static final String PAGE_RESOURCE = "/io/approvals/console/sandbox/docs/";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "map", "application/json");

    /** host:port as a browser sends it for the sandbox (127.0.0.1, localhost or [::1]). */
    private static final java.util.regex.Pattern LOCAL_HOST =
            java.util.regex.Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1])(:[0-9]{1,5})?");

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile ObjectNode openApi;
    private volatile String webjarVersion;

    /**
     * The YAML as JSON, with one server: this sandbox, as the caller reached it (its Host header), so the API page's
     * "Try it out" calls the same origin it was loaded from; "/" when the Host is not a local one.
     */
    Reply openApi(Call call) throws IOException {
        ObjectNode doc = openApi;
        if (doc == null) {
            doc = read();
            openApi = doc;
        }
        String host = call.headers().getFirst("Host");
        ObjectNode served = doc.deepCopy();
        ObjectNode server = served.putArray("servers").addObject();
        server.put("url", host != null && LOCAL_HOST.matcher(host).matches() ? "http://" + host : "/");
        server.put("description", "this sandbox");
        return Reply.json(200, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(served));
    }

    private static ObjectNode read() throws IOException {
        try (InputStream in = ApiDocs.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IOException("openapi.yaml is missing from the class path");
            }
            return (ObjectNode) new YAMLMapper().readTree(in);
        }
    }

    Reply page(Call call) throws IOException {
        return file(PAGE_RESOURCE + "index.html", "index.html");
    }

    /** Our start script, or a file of the Swagger UI webjar. */
    Reply asset(Call call) throws IOException {
        String name = call.pathParam(0);
        if (name.equals("init.js") || name.equals("index.css")) {
            return file(PAGE_RESOURCE + name, name);
        }
        return file(WEBJAR + webjarVersion() + "/" + name, name);
    }

    private static Reply file(String resource, String name) throws IOException {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        try (InputStream in = type == null ? null : ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ApiProblem.notFound("There is no file " + name + " on the API page.");
            }
            return new Reply(200, type, in.readAllBytes(), Map.of());
        }
    }

    private String webjarVersion() {
        String version = webjarVersion;
        if (version == null) {
            Properties p = new Properties();
            try (InputStream in =
                    ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
                if (in == null) {
                    throw ApiProblem.notFound("Swagger UI is not packaged with this sandbox.");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            version = p.getProperty("version");
            webjarVersion = version;
        }
        return version;
    }
}
