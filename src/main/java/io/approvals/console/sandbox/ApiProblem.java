package io.approvals.console.sandbox;

import io.approvals.console.contract.Approval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that ends in a problem+json answer. Thrown anywhere in the pipeline, turned into the
 * response by the server. No stack trace: it is an answer, not a fault.
 */
final class ApiProblem extends RuntimeException {
    static final String WWW_AUTHENTICATE = "ApiKey header=\"X-API-Key\"";

    final int status;
    final String title;
    final String detail;
    final Map<String, List<String>> errors;
    final String requiredScope;
    final Approval current;
    final Map<String, String> headers;

    private ApiProblem(
            int status,
            String title,
            String detail,
            Map<String, List<String>> errors,
            String requiredScope,
            Approval current,
            Map<String, String> headers) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.requiredScope = requiredScope;
        this.current = current;
        this.headers = headers;
    }

    private static ApiProblem of(int status, String title, String detail) {
        return new ApiProblem(status, title, detail, null, null, null, Map.of());
    }

    static ApiProblem badRequest(String detail) {
        return of(400, "Bad request", detail);
    }

    /** 400 naming the fields that failed, field -> messages. */
    static ApiProblem validation(Map<String, List<String>> errors) {
        StringBuilder detail = new StringBuilder("Some fields are not valid:");
        errors.forEach((field, messages) -> detail.append(' ')
                .append(field)
                .append(" (")
                .append(String.join("; ", messages))
                .append(')'));
        return new ApiProblem(
                400, "Validation failed", detail.toString(), new LinkedHashMap<>(errors), null, null, Map.of());
    }

    static ApiProblem field(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(
                401, "Unauthorized", detail, null, null, null, Map.of("WWW-Authenticate", WWW_AUTHENTICATE));
    }

    static ApiProblem forbidden(String requiredScope) {
        return new ApiProblem(
                403,
                "Forbidden",
                "This key lacks the '" + requiredScope + "' scope.",
                null,
                requiredScope,
                null,
                Map.of());
    }

    static ApiProblem notFound(String detail) {
        return of(404, "Not found", detail);
    }

    static ApiProblem methodNotAllowed(String method, String allow) {
        return new ApiProblem(
                405,
                "Method not allowed",
                method + " is not allowed here; use " + allow + ".",
                null,
                null,
                null,
                Map.of("Allow", allow));
    }

    static ApiProblem conflict(String detail, Approval current) {
        return new ApiProblem(409, "Conflict", detail, null, null, current, Map.of());
    }

    static ApiProblem conflict(String detail) {
        return of(409, "Conflict", detail);
    }

    static ApiProblem tooLarge(int limit) {
        return of(413, "Payload too large", "The body is larger than " + limit + " bytes.");
    }

    static ApiProblem headersTooLarge(int limit) {
        return of(
                431,
                "Request header fields too large",
                "The request's header fields are larger than " + limit + " bytes in all.");
    }

    static ApiProblem unsupportedMediaType(String detail) {
        return of(415, "Unsupported media type", detail);
    }

    static ApiProblem unprocessable(String detail) {
        return of(422, "Unprocessable content", detail);
    }

    static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return new ApiProblem(
                429,
                "Too many requests",
                "Too many failed authentications from this address; " + "try again in " + retryAfterSeconds + " s.",
                null,
                null,
                null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    static ApiProblem internal() {
        return of(500, "Internal server error", "The sandbox failed; nothing was changed.");
    }
}
