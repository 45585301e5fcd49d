package io.approvals.console.cli;

/** The environment variables the headless commands read; docs/cli.md has the precedence table. */
final class CliEnvironment {
    /** The profile to use when no --profile is given. */
    static final String PROFILE = "APPROVALS_PROFILE";
    /** The API's base URL when no profile is used at all (servers, CI). */
    static final String URL = "APPROVALS_URL";
    /** The key for this run only; never stored. */
    static final String API_KEY = "APPROVALS_API_KEY";
    /** The language of the human texts ("de", "en"); unset: the OS locale's. */
    static final String LANG = "APPROVALS_LANG";

    private CliEnvironment() {}
}
