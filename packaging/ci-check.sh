#!/usr/bin/env bash
# CI check of the Linux installer, as root on a Debian/Ubuntu machine, non-interactive (installs missing tools:
# fakeroot binutils xvfb xauth x11-utils curl dbus gnome-keyring):
#   build the .deb -> install it (apt pulls its dependencies) -> the installed launcher answers --version without
#   asking a package manager, uses its AppCDS archive, runs the sandbox (401 without a key, 200 with the admin key) and opens a window titled
#   "Approvals Console" under Xvfb whose WM_CLASS matches the menu entry, shell completion and man pages are
#   installed -> remove the package, nothing left.
# Usage: packaging/ci-check.sh          (SKIP_MAVEN=1 reuses target/ from an earlier mvn package/verify)
# Takes 2-5 minutes on 2 busy cores; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PKG=approvals-console
LAUNCHER=/usr/bin/approvals-console
INSTALL_DIR=/opt/approvals-console
step() { printf '\n=== ci-check: %s\n' "$*"; }
fail() { printf '\nci-check FAILED: %s\n' "$*" >&2; exit 1; }
ok() { printf '    ok: %s\n' "$*"; }

[[ $(id -u) == 0 ]] || fail "run as root (it installs and removes a package)"
export DEBIAN_FRONTEND=noninteractive

SCRATCH=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if dpkg -s "$PKG" >/dev/null 2>&1 && [[ -n "${INSTALLED_BY_US:-}" ]]; then
    dpkg --purge "$PKG" >/dev/null 2>&1 || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

step "packaging tools"
need=()
for p in fakeroot binutils xvfb xauth x11-utils curl dbus gnome-keyring; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if ((${#need[@]})); then
  echo "    installing: ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
ok "fakeroot binutils xvfb xauth x11-utils curl dbus gnome-keyring"

step "clean state"
if dpkg -s "$PKG" >/dev/null 2>&1; then
  echo "    removing an earlier $PKG"
  dpkg --purge "$PKG" >/dev/null
fi
[[ ! -e "$INSTALL_DIR" ]] || fail "$INSTALL_DIR exists without the package installed"
ok "no $PKG installed"

step "build the .deb (packaging/build-linux.sh deb)"
started=$SECONDS
packaging/build-linux.sh deb
VERSION=$(sed -n 's/^version=//p' target/classes/io/approvals/console/version.properties)
VERSION=${VERSION%%-*}
DEB="$ROOT/target/installer/${PKG}_${VERSION}_amd64.deb"
[[ -f "$DEB" ]] || fail "$DEB was not built"
ok "$(basename "$DEB"): $(du -h "$DEB" | cut -f1), built in $((SECONDS - started)) s"

step "install it"
INSTALLED_BY_US=1
if ! apt-get install -y -qq "$DEB" >"$SCRATCH/apt.log" 2>&1; then
  # the machine's package lists may be stale or missing: refresh once
  apt-get update -qq
  apt-get install -y -qq "$DEB" >"$SCRATCH/apt.log" 2>&1 || { cat "$SCRATCH/apt.log"; fail "apt-get install $DEB"; }
fi
dpkg -s "$PKG" | grep -q '^Status: install ok installed' || fail "dpkg does not list $PKG as installed"
[[ -x "$INSTALL_DIR/bin/$PKG" ]] || fail "no launcher at $INSTALL_DIR/bin/$PKG"
[[ -L "$LAUNCHER" && "$(readlink "$LAUNCHER")" == "$INSTALL_DIR/bin/$PKG" ]] || fail "$LAUNCHER is not a link to the launcher"
ok "installed: $(du -sh "$INSTALL_DIR" | cut -f1) in $INSTALL_DIR, $LAUNCHER"

step "$LAUNCHER --version"
rc=0; out=$("$LAUNCHER" --version 2>"$SCRATCH/version.err") || rc=$?
((rc == 0)) || { cat "$SCRATCH/version.err"; fail "--version exited $rc"; }
echo "$out" | sed 's/^/    | /'
[[ "$(head -1 <<<"$out")" == "Approvals Console $VERSION" ]] || fail "--version printed '$(head -1 <<<"$out")', expected 'Approvals Console $VERSION'"
ok "version $VERSION"
# jpackage's native launcher asks rpm and dpkg which package owns it before starting Java (docs/packaging.md,
# "The launcher"); ours must not: stand-ins first on the PATH write down any call.
mkdir -p "$SCRATCH/spy"
for tool in dpkg dpkg-query rpm; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 1\n' "$tool" "$SCRATCH/spy.log" >"$SCRATCH/spy/$tool"
  chmod +x "$SCRATCH/spy/$tool"
done
PATH="$SCRATCH/spy:$PATH" "$LAUNCHER" --version >/dev/null 2>&1 || fail "--version failed with the package-manager stand-ins on PATH"
[[ ! -s "$SCRATCH/spy.log" ]] || { cat "$SCRATCH/spy.log"; fail "the launcher asked a package manager before starting Java"; }
ok "the launcher starts Java without asking dpkg or rpm"

step "start-up archive"
# A JDK 25+ runtime ships an AOT cache in the package; a JDK 17 one gets its AppCDS archive from postinst.
ARCHIVE="$INSTALL_DIR/lib/app/app.aot"
[[ -s "$ARCHIVE" ]] || ARCHIVE="$INSTALL_DIR/lib/app/app.jsa"
[[ -s "$ARCHIVE" ]] || fail "neither an AOT cache in the package nor an archive made by postinst in $INSTALL_DIR/lib/app"
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$SCRATCH/classload.log" "$LAUNCHER" --version >/dev/null 2>&1
grep -q 'io.approvals.console.app.Main source: shared objects file' "$SCRATCH/classload.log" \
  || fail "the launcher does not load the app's classes from $ARCHIVE"
ok "$(grep -c 'source: shared objects file' "$SCRATCH/classload.log") of $(grep -c 'source:' "$SCRATCH/classload.log") classes from $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"

step "$LAUNCHER sandbox --port 0"
mkdir -p "$SCRATCH/sandbox" "$SCRATCH/home"
# the sandbox prints its admin key on stdout: it goes to a file and is never echoed
APPROVALS_CONSOLE_HOME="$SCRATCH/home" "$LAUNCHER" sandbox --port 0 --data "$SCRATCH/sandbox" \
  >"$SCRATCH/sandbox.out" 2>"$SCRATCH/sandbox.err" &
SANDBOX_PID=$!
PIDS+=("$SANDBOX_PID")
base=""
for _ in $(seq 1 120); do
  base=$(sed -n 's/^Sandbox listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$SCRATCH/sandbox.out" | head -1)
  [[ -n "$base" ]] && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$SCRATCH/sandbox.err"; fail "the sandbox exited before listening"; }
  sleep 0.5
done
[[ -n "$base" ]] || { cat "$SCRATCH/sandbox.err"; fail "no 'Sandbox listening on http://127.0.0.1:PORT' line within 60 s"; }
ok "listening on $base"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$base/approvals/GetApprovalNotComplete")
[[ "$code" == 401 ]] || fail "GET /approvals/GetApprovalNotComplete without a key answered $code, expected 401"
ok "no key: 401"
if [[ -s "$SCRATCH/sandbox/admin.key" ]]; then
  # the key goes to curl in a header file, never on a command line
  (umask 077; printf 'X-API-Key: %s\n' "$(tr -d '[:space:]' <"$SCRATCH/sandbox/admin.key")" >"$SCRATCH/key.header")
  code=$(curl -s -o "$SCRATCH/list.json" -w '%{http_code}' --max-time 20 -H @"$SCRATCH/key.header" \
    "$base/approvals/GetApprovalNotComplete?limit=5")
  [[ "$code" == 200 ]] || fail "GET /approvals/GetApprovalNotComplete with the admin key answered $code, expected 200"
  grep -q '"items"' "$SCRATCH/list.json" || fail "the approvals list has no items field"
  ok "admin key: 200 with a list of approvals"
  rm -f "$SCRATCH/key.header"
else
  fail "the sandbox wrote no $SCRATCH/sandbox/admin.key"
fi
kill "$SANDBOX_PID"
for _ in $(seq 1 60); do kill -0 "$SANDBOX_PID" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$SANDBOX_PID" 2>/dev/null; then fail "the sandbox did not stop within 30 s of SIGTERM"; fi
wait "$SANDBOX_PID" 2>/dev/null || true
ok "stopped on SIGTERM"

step "GUI under Xvfb"
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$SCRATCH/display" 2>"$SCRATCH/xvfb.err" &
PIDS+=($!)
for _ in $(seq 1 40); do [[ -s "$SCRATCH/display" ]] && break; sleep 0.25; done
[[ -s "$SCRATCH/display" ]] || { cat "$SCRATCH/xvfb.err"; fail "Xvfb did not start"; }
export DISPLAY=":$(head -1 "$SCRATCH/display")"
mkdir -p "$SCRATCH/gui-home"
# an isolated home: no settings, connections or keychain of anyone's
HOME="$SCRATCH/gui-home" APPROVALS_CONSOLE_HOME="$SCRATCH/gui-home/app" "$LAUNCHER" \
  >"$SCRATCH/gui.out" 2>"$SCRATCH/gui.err" &
GUI_PID=$!
PIDS+=("$GUI_PID")
window=""
for _ in $(seq 1 120); do
  # xwininfo lists every window as: 0x400003 "Title": ("res name" "res class") geometry
  window=$(xwininfo -root -tree 2>/dev/null | grep -E '^ *0x[0-9a-f]+ "Approvals Console' | head -1 || true)
  [[ -n "$window" ]] && break
  kill -0 "$GUI_PID" 2>/dev/null || { tail -20 "$SCRATCH/gui.err"; fail "the GUI exited before showing a window"; }
  sleep 0.5
done
[[ -n "$window" ]] || { tail -20 "$SCRATCH/gui.err"; fail "no window titled 'Approvals Console' within 60 s"; }
ok "window: $(sed 's/^ *//' <<<"$window")"
window_id=$(awk '{print $1}' <<<"$window")
wm_class=$(xprop -id "$window_id" WM_CLASS | sed -n 's/^WM_CLASS(STRING) = "[^"]*", "\([^"]*\)"$/\1/p')
desktop_file=$(ls "$INSTALL_DIR"/lib/*.desktop | head -1)
startup_class=$(sed -n 's/^StartupWMClass=//p' "$desktop_file")
[[ -n "$wm_class" && "$wm_class" == "$startup_class" ]] \
  || fail "the window's WM_CLASS '$wm_class' differs from StartupWMClass '$startup_class' in $desktop_file"
ok "WM_CLASS $wm_class matches the menu entry's StartupWMClass"
kill "$GUI_PID"
for _ in $(seq 1 40); do kill -0 "$GUI_PID" 2>/dev/null || break; sleep 0.25; done
kill -9 "$GUI_PID" 2>/dev/null || true
wait "$GUI_PID" 2>/dev/null || true
unset DISPLAY

step "shell completion and man pages"
SHELL_LINKS=(/usr/share/bash-completion/completions/approvals-console /usr/share/zsh/vendor-completions/_approvals-console
  /usr/share/fish/vendor_completions.d/approvals-console.fish /usr/share/man/man1/approvals-console.1.gz
  /usr/share/man/man1/approvals-console-approvals-approve.1.gz)
for f in "${SHELL_LINKS[@]}"; do [[ -s "$f" ]] || fail "$f is missing"; done
# bash completes a subcommand from the installed script
got=$(bash -c 'source /usr/share/bash-completion/completions/approvals-console
  COMP_WORDS=(approvals-console approvals l); COMP_CWORD=2; COMP_LINE="approvals-console approvals l"
  COMP_POINT=${#COMP_LINE}; _complete_approvals-console 2>/dev/null; echo "${COMPREPLY[*]}"')
[[ "$got" == list ]] || fail "bash completion of 'approvals l' gave '$got', expected 'list'"
zcat /usr/share/man/man1/approvals-console.1.gz | grep -qi 'exit codes' || fail "the man page has no exit codes"
ok "bash, zsh and fish completion and $(ls /usr/share/man/man1/approvals-console*.1.gz | wc -l) man pages installed"

step "remove the package"
apt-get remove -y -qq --purge "$PKG" >"$SCRATCH/remove.log" 2>&1 || { cat "$SCRATCH/remove.log"; fail "apt-get remove"; }
INSTALLED_BY_US=""
! dpkg -s "$PKG" >/dev/null 2>&1 || fail "$PKG is still installed"
[[ ! -e "$INSTALL_DIR" ]] || fail "$INSTALL_DIR is left behind: $(find "$INSTALL_DIR" | head -5)"
[[ ! -e "$LAUNCHER" && ! -L "$LAUNCHER" ]] || fail "$LAUNCHER is left behind"
for f in "${SHELL_LINKS[@]}"; do [[ ! -e "$f" && ! -L "$f" ]] || fail "$f is left behind"; done
ok "removed; nothing left in $INSTALL_DIR, $LAUNCHER or the completion and man page links"

printf '\nci-check passed in %d s\n' "$SECONDS"
