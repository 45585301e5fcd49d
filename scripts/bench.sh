#!/usr/bin/env bash
# Runs the benchmark (approvals-console bench) where it can measure everything:
#   scripts/bench.sh [--quick] [other bench options, e.g. --docs docs/performance.md]
# builds the jar (mvn package, tests skipped), then runs the bench inside a private D-Bus session with an
# unlocked throwaway gnome-keyring (the app's start-up needs its key from a keychain) and on an Xvfb display (the
# start-up and table figures need a display). Writes target/bench/results.md and results.json.
# Needs: maven, dbus (dbus-run-session), gnome-keyring, xvfb (Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${APPROVALS_IN_BENCH_SESSION:-}" != 1 ]]; then
  for tool in dbus-run-session gnome-keyring-daemon Xvfb; do
    command -v "$tool" >/dev/null || { echo "bench.sh: needs $tool (Debian: dbus gnome-keyring xvfb)" >&2; exit 3; }
  done
  mvn -B -q package -DskipTests
  export APPROVALS_IN_BENCH_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

SCRATCH=$(mktemp -d)
XVFB_PID=""
cleanup() {
  if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# a throwaway keyring with a throwaway password, unlocked for this session only
export XDG_DATA_HOME="$SCRATCH/xdg-data"
mkdir -p "$XDG_DATA_HOME"
eval "$(printf 'bench-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL 2>/dev/null || true

# Xvfb picks its own free display (-displayfd): xvfb-run -a can race with other Xvfb servers starting at once.
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$SCRATCH/display" 2>/dev/null &
XVFB_PID=$!
for _ in $(seq 1 80); do [[ -s "$SCRATCH/display" ]] && break; sleep 0.25; done
[[ -s "$SCRATCH/display" ]] || { echo "bench.sh: Xvfb did not start" >&2; exit 3; }
export DISPLAY=":$(head -1 "$SCRATCH/display")"

# The bench JVM itself (the 100k and bulk figures run in it) gets the installed launcher's JVM options, as every
# launch it measures does.
LAUNCHER_OPTIONS=$(sed -e 's/^[[:space:]]*//' -e '/^#/d' -e '/^$/d' src/main/resources/io/approvals/console/launcher.options | tr '\n' ' ')
# And the launcher's cache for libX11's Compose table (packaging/linux/launcher.sh), new for each run as a user's is
# new each day; libX11 does not use it for root.
if [[ -z "${XCOMPOSECACHE:-}" && ! -d "${HOME:-/nonexistent}/.compose-cache" ]]; then
  export XCOMPOSECACHE="$SCRATCH/x11-compose"
  mkdir -m 700 "$XCOMPOSECACHE"
fi
# shellcheck disable=SC2086 # one option per word
java $LAUNCHER_OPTIONS ${BENCH_JAVA_OPTS:-} -jar target/approvals-console.jar bench "$@"
