#!/usr/bin/env bash
# Runs the benchmark (approvals-console bench) where it can measure everything:
#   scripts/bench.sh [--quick] [other bench options, e.g. --docs docs/performance.md]
# builds the jar (mvn package, tests skipped), then runs the bench inside a private D-Bus session with an
# unlocked throwaway gnome-keyring (the app's start-up needs its key from a keychain) and under Xvfb (the
# start-up and table figures need a display). Writes target/bench/results.md and results.json.
# Needs: maven, dbus (dbus-run-session), gnome-keyring, xvfb (xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${APPROVALS_IN_BENCH_SESSION:-}" != 1 ]]; then
  for tool in dbus-run-session gnome-keyring-daemon xvfb-run; do
    command -v "$tool" >/dev/null || { echo "bench.sh: needs $tool (Debian: dbus gnome-keyring xvfb)" >&2; exit 3; }
  done
  mvn -B -q package -DskipTests
  export APPROVALS_IN_BENCH_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

# a throwaway keyring with a throwaway password, unlocked for this session only
export XDG_DATA_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
eval "$(printf 'bench-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL 2>/dev/null || true

xvfb-run -a -s "-screen 0 1400x900x24" java ${BENCH_JAVA_OPTS:-} -jar target/approvals-console.jar bench "$@"
