#!/usr/bin/env bash
# Runs the whole test suite. On Linux it gives the tests a real, unlocked Secret Service
# (gnome-keyring in a private D-Bus session) when the packages are installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${APPROVALS_IN_TEST_SESSION:-}" != 1 ]] && [[ "$(uname -s)" == Linux ]] \
    && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  export APPROVALS_IN_TEST_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

if [[ "${APPROVALS_IN_TEST_SESSION:-}" == 1 ]]; then
  # a throwaway keyring with a throwaway password, unlocked for this session only
  export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
  eval "$(echo -n "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi

exec mvn -B verify "$@"
