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

# an X server for the few UI tests on the real toolkit (surefire execution "real-toolkit"); the other UI tests run
# headless on Monocle and never see it
if [[ -z "${APPROVALS_TEST_DISPLAY:-}" ]] && [[ "$(uname -s)" == Linux ]] && command -v Xvfb >/dev/null; then
  xvfb_fd="$(mktemp)"
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$xvfb_fd" >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null; rm -f "$xvfb_fd"' EXIT
  for _ in $(seq 50); do [[ -s "$xvfb_fd" ]] && break; sleep 0.1; done
  [[ -s "$xvfb_fd" ]] && export APPROVALS_TEST_DISPLAY=":$(tr -d '[:space:]' < "$xvfb_fd")"
fi

mvn -B verify "$@"
