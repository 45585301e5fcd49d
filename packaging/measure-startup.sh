#!/usr/bin/env bash
# Measures the INSTALLED app's start-up: from launching /usr/bin/approvals-console to the first frame of its
# window (reported by io.approvals.console.app.StartupProbe, which exits the app then), under Xvfb.
#
#   packaging/measure-startup.sh [RUNS] [--with-data]      (root; the .deb installed; default 7 runs)
#   packaging/measure-startup.sh [RUNS] --cli              (approvals-console --version, launch to exit)
#
# Three launches, interleaved run by run so that machine noise hits them alike:
#   appcds   the launcher as installed: -XX:SharedArchiveFile=$APPDIR/app.jsa (made by postinst), or with a JDK 25
#            runtime -XX:AOTCache=$APPDIR/app.aot (shipped in the package)
#   jdk-cds  the launcher without that option: only the runtime's default CDS archive (what jpackage gives)
#   no-cds   -Xshare:off
# --with-data: a sandbox (40 seeded approvals) on 127.0.0.1, a profile for it and its admin key in a throwaway
# keyring (with-sample-data.sh: dbus-run-session + gnome-keyring), so the app opens its main window with the
# approvals list.
# Without it the app opens its welcome window (no profile). Prints medians in ms and a Markdown table row.
set -euo pipefail

RUNS=7
WITH_DATA=0
CLI=0
for a in "$@"; do
  case "$a" in
    --with-data) WITH_DATA=1 ;;
    --cli) CLI=1 ;;
    [0-9]*) RUNS=$a ;;
    *) echo "usage: $0 [RUNS] [--with-data | --cli]" >&2; exit 2 ;;
  esac
done

LAUNCHER=/usr/bin/approvals-console
CFG=/opt/approvals-console/lib/app/approvals-console.cfg
[[ -x "$LAUNCHER" && -f "$CFG" ]] || { echo "install the package first (packaging/build-linux.sh; apt-get install ./target/installer/*.deb)" >&2; exit 1; }
[[ -s /opt/approvals-console/lib/app/app.jsa || -s /opt/approvals-console/lib/app/app.aot ]] \
  || { echo "no start-up archive (app.jsa or app.aot) in /opt/approvals-console/lib/app" >&2; exit 1; }

# --with-data: run inside with-sample-data.sh (private D-Bus session, throwaway keyring, sandbox, profile)
if [[ "$WITH_DATA" == 1 && "${MEASURE_WITH_DATA:-}" != 1 ]]; then
  export MEASURE_WITH_DATA=1
  exec "$(dirname "$0")/with-sample-data.sh" "$LAUNCHER" "$0" "$@"
fi

SCRATCH=$(mktemp -d)
PIDS=()
cp "$CFG" "$SCRATCH/cfg.orig"
cleanup() {
  cp "$SCRATCH/cfg.orig" "$CFG"   # the jdk-cds runs edit the installed launcher's config
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

what="welcome window (no profile)"
if [[ "$WITH_DATA" == 1 ]]; then
  what="main window with 40 approvals from a local sandbox"
else
  # a throwaway home: no profile, no one's settings
  export HOME="$SCRATCH/home" APPROVALS_CONSOLE_HOME="$SCRATCH/home/app" LANG=C.UTF-8
  mkdir -p "$HOME"
fi
[[ "$CLI" == 1 ]] && what="approvals-console --version (launch to exit)"

Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$SCRATCH/display" 2>/dev/null &
PIDS+=($!)
for _ in $(seq 1 40); do [[ -s "$SCRATCH/display" ]] && break; sleep 0.25; done
export DISPLAY=":$(head -1 "$SCRATCH/display")"

without_app_archive() { grep -v -e 'SharedArchiveFile=' -e 'AOTCache=' "$SCRATCH/cfg.orig" >"$CFG"; }
with_app_archive() { cp "$SCRATCH/cfg.orig" "$CFG"; }

# one launch; prints ms from exec to the first frame (wall clock on both ends)
launch_ms() {
  if [[ "$CLI" == 1 ]]; then
    local t0 t1
    t0=$(date +%s%3N)
    JAVA_TOOL_OPTIONS="$1" "$LAUNCHER" --version >/dev/null 2>&1
    t1=$(date +%s%3N)
    echo $((t1 - t0))
    return
  fi
  local extra="$1" out start
  out="$SCRATCH/run.out"
  start=$(date +%s%3N)
  JAVA_TOOL_OPTIONS="-Dapprovals.exitAfterFirstFrame=true $extra" timeout 90 "$LAUNCHER" >"$out" 2>"$SCRATCH/run.err" || true
  local frame
  frame=$(sed -n 's/^FIRST_FRAME_EPOCH_MS=//p' "$out")
  if [[ -z "$frame" ]]; then
    echo "no first frame reported; stderr:" >&2
    tail -20 "$SCRATCH/run.err" >&2
    exit 1
  fi
  echo $((frame - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "Measuring $RUNS runs each: $what"
: >"$SCRATCH/appcds"; : >"$SCRATCH/jdkcds"; : >"$SCRATCH/nocds"
# one unmeasured launch first: the page cache then holds the files, as on a machine that ran the app before
launch_ms "" >/dev/null
for i in $(seq 1 "$RUNS"); do
  with_app_archive;    a=$(launch_ms "");           echo "$a" >>"$SCRATCH/appcds"
  without_app_archive; j=$(launch_ms "");           echo "$j" >>"$SCRATCH/jdkcds"
  with_app_archive;    n=$(launch_ms "-Xshare:off"); echo "$n" >>"$SCRATCH/nocds"
  printf '  run %d: appcds %5d ms   jdk-cds %5d ms   no-cds %5d ms\n' "$i" "$a" "$j" "$n"
done
with_app_archive
ma=$(median <"$SCRATCH/appcds"); mj=$(median <"$SCRATCH/jdkcds"); mn=$(median <"$SCRATCH/nocds")
printf '\nmedian of %d: appcds %d ms, jdk-cds %d ms, no-cds %d ms\n' "$RUNS" "$ma" "$mj" "$mn"
printf '| %s | %d ms | %d ms | %d ms |\n' "$what" "$ma" "$mj" "$mn"
