#!/usr/bin/env bash
# Runs scripts/bench.sh as an ordinary user, from root (a container, CI's machine):
#   scripts/bench-as-user.sh USER [bench options, e.g. --docs docs/performance.md]
# A desktop app runs as its user, and some of what it does is different for root: libX11 keeps no Compose cache
# for root, so every new dialog window parses the Compose table again (docs/packaging.md, "The Compose cache").
# Builds the jar here as bench.sh does, copies what the bench reads (the jar and its libraries, the .deb if built,
# the scripts) to a directory the user owns, runs the bench there with the user's own HOME, and copies
# target/bench (and the --docs page) back. Needs: runuser, and what bench.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
user=${1:?usage: scripts/bench-as-user.sh USER [bench options]}
shift
[[ $(id -u) == 0 ]] || { echo "bench-as-user.sh: run it as root (it switches to $user)" >&2; exit 3; }
home=$(getent passwd "$user" | cut -d: -f6)
[[ -n "$home" && -d "$home" ]] || { echo "bench-as-user.sh: $user has no home directory" >&2; exit 3; }

mvn -B -q package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/target" "$work/src/main/resources/io/approvals/console"
cp -r scripts "$work/"
cp src/main/resources/io/approvals/console/launcher.options "$work/src/main/resources/io/approvals/console/"
cp -r target/approvals-console.jar target/lib "$work/target/"
if [[ -d target/installer ]]; then cp -r target/installer "$work/target/"; fi
chown -R "$user" "$work"

docs=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --docs) docs=${args[i + 1]:-} ;;
    --docs=*) docs=${args[i]#--docs=} ;;
  esac
done
runuser -u "$user" -- env -i HOME="$home" PATH="$PATH" LANG="${LANG:-C.UTF-8}" APPROVALS_IN_BENCH_SESSION=1 \
  dbus-run-session -- "$work/scripts/bench.sh" "$@"

rm -rf target/bench
cp -r "$work/target/bench" target/bench
if [[ -n "$docs" ]]; then
  mkdir -p "$(dirname "$docs")"
  cp "$work/$docs" "$docs"
fi
