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

    private volatile byte[] openApiJson;
    private volatile String webjarVersion;

    Reply openApi(Call call) throws IOException {
        byte[] json = openApiJson;
        if (json == null) {
            json = convert();
            openApiJson = json;
        }
        return Reply.json(200, json);
    }

    /** The YAML as JSON, with one server: this sandbox, wherever the document was fetched from. */
    static byte[] convert() throws IOException {
        try (InputStream in = ApiDocs.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IOException("openapi.yaml is missing from the class path");
            }
            ObjectNode doc = (ObjectNode) new YAMLMapper().readTree(in);
            ObjectNode server = doc.putArray("servers").addObject();
            server.put("url", "/");
            server.put("description", "this sandbox");
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
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
            try (InputStream in = ApiDocs.class.getResourceAsStream(
                    "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
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
