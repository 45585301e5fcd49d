#!/usr/bin/env bash
# Runs a command where Approvals Console opens its main window with data, in a throwaway world:
#   packaging/with-sample-data.sh LAUNCHER COMMAND [ARGS...]
# sets up a private D-Bus session with an unlocked throwaway keyring (gnome-keyring), a fresh HOME and
# APPROVALS_CONSOLE_HOME, a sandbox on 127.0.0.1 (LAUNCHER sandbox; 40 seeded approvals), a profile "local" for
# it with the sandbox's admin key stored in that keyring; runs COMMAND there; then stops the sandbox and
# deletes everything. Used by build-linux.sh (recording the start-up class list) and measure-startup.sh.
# Needs: dbus (dbus-run-session), gnome-keyring. Exit status: COMMAND's, or 3 when the setup failed.
set -euo pipefail

if [[ "${SAMPLE_DATA_IN_SESSION:-}" != 1 ]]; then
  command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null \
    || { echo "with-sample-data.sh: needs dbus-run-session and gnome-keyring-daemon (Debian: dbus gnome-keyring)" >&2; exit 3; }
  export SAMPLE_DATA_IN_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

LAUNCHER="$1"
shift
SCRATCH=$(mktemp -d)
SANDBOX_PID=""
cleanup() {
  if [[ -n "$SANDBOX_PID" ]]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

export HOME="$SCRATCH/home" APPROVALS_CONSOLE_HOME="$SCRATCH/home/app" XDG_DATA_HOME="$SCRATCH/xdg-data"
export LANG=C.UTF-8
mkdir -p "$HOME"
# a keyring with a throwaway password, unlocked for this session only
eval "$(printf 'sample-data-keyring' | gnome-keyring-daemon --unlock --components=secrets)"

# the sandbox prints its admin key: to a file, never to the terminal
"$LAUNCHER" sandbox --port 0 --data "$SCRATCH/sandbox" >"$SCRATCH/sandbox.out" 2>&1 &
SANDBOX_PID=$!
base=""
for _ in $(seq 1 120); do
  base=$(sed -n 's/^Sandbox listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$SCRATCH/sandbox.out" | head -1)
  [[ -n "$base" ]] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || break
  sleep 0.5
done
[[ -n "$base" ]] || { echo "with-sample-data.sh: the sandbox did not start" >&2; exit 3; }
"$LAUNCHER" profiles add local --url "$base" >/dev/null || { echo "with-sample-data.sh: profiles add failed" >&2; exit 3; }
"$LAUNCHER" key set --profile local <"$SCRATCH/sandbox/admin.key" >/dev/null \
  || { echo "with-sample-data.sh: key set failed" >&2; exit 3; }

rc=0
"$@" || rc=$?
exit "$rc"
