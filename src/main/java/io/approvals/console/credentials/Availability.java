package io.approvals.console.credentials;

/**
 * Whether a secret store can be used right now. When it cannot, reason says why and nextStep what the
 * user can do about it; both are fit to show as they are.
 */
public record Availability(
        boolean reachable, String backend, KeychainException.Kind kind, String reason, String nextStep) {

    public static Availability reachable(String backend) {
        return new Availability(true, backend, null, null, null);
    }

    public static Availability unreachable(
            String backend, KeychainException.Kind kind, String reason, String nextStep) {
        return new Availability(false, backend, kind, reason, nextStep);
    }

    static Availability of(String backend, KeychainException e) {
        return unreachable(backend, e.kind(), e.reason(), e.nextStep());
    }

    /** The failure this availability stands for, to throw where a store is required. */
    public KeychainException toException() {
        if (reachable) {
            throw new IllegalStateException("the store is reachable");
        }
        return new KeychainException(kind, reason, nextStep);
    }

    /** One line: "Secret Service: reachable" or the reason and next step. */
    public String describe() {
        return reachable ? backend + ": reachable" : backend + ": " + reason + " " + nextStep;
    }
}
