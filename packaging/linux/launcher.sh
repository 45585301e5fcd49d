#!/bin/sh
# Approvals Console's launcher on Linux (bin/approvals-console of the app image, the .deb and the .rpm).
# It starts the bundled runtime exactly as jpackage's native launcher does, from the same lib/app/<name>.cfg, but
# without that launcher's package look-up: before starting Java it asks rpm and dpkg which package owns it, twice
# (dpkg -S reads every installed package's file list), which cost 0.3-0.8 s on every start here and more on a
# desktop with thousands of packages. docs/packaging.md, "The launcher".
self=$(readlink -f -- "$0") || exit 127
top=${self%/bin/*}
app=$top/lib/app
name=${self##*/}
cfg=$app/$name.cfg
[ -r "$cfg" ] || { echo "$name: cannot read $cfg" >&2; exit 127; }

# jpackage's substitutions in the config file
expand() {
  v=$1
  for token in APPDIR BINDIR ROOTDIR; do
    case $token in APPDIR) to=$app ;; BINDIR) to=$top/bin ;; ROOTDIR) to=$top ;; esac
    while :; do
      case $v in
        *"\$$token"*) v=${v%%"\$$token"*}$to${v#*"\$$token"} ;;
        *) break ;;
      esac
    done
  done
}

# The user's arguments stay first in "$@" while the JVM's are appended; then they are rotated to the end.
users=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    java-options=*) expand "${line#java-options=}"; set -- "$@" "$v" ;;
    app.classpath=*) expand "${line#app.classpath=}"; classpath=${classpath:+$classpath:}$v ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
  esac
done <"$cfg"
[ -n "$main" ] || { echo "$name: no app.mainclass in $cfg" >&2; exit 127; }
set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"
while [ "$users" -gt 0 ]; do
  arg=$1
  shift
  set -- "$@" "$arg"
  users=$((users - 1))
done

# JavaFX 21 on Linux opens an X input method (XOpenIM) for each new window whose text field takes focus, and
# without an input-method server libX11 then parses the locale's whole Compose table (0.5 MB): 9-12 ms of every
# dialog's opening. libX11 keeps the parsed table in a per-user cache only when its directory exists
# (~/.compose-cache, or $XCOMPOSECACHE); it then costs 0.2 ms. It is a cache of the system's public table,
# checked against the Compose file's date: nothing of the user's. docs/packaging.md, "The launcher".
if [ -z "${XCOMPOSECACHE:-}" ] && [ -n "${HOME:-}" ] && [ ! -d "$HOME/.compose-cache" ]; then
  if [ -n "${APPROVALS_CONSOLE_HOME:-}" ]; then
    compose=$APPROVALS_CONSOLE_HOME/cache/x11-compose
  else
    case ${XDG_CACHE_HOME:-} in /*) compose=$XDG_CACHE_HOME ;; *) compose=$HOME/.cache ;; esac
    compose=$compose/approvalsconsole/x11-compose
  fi
  # Made on the first start only, by the owner of $HOME and not by root (libX11 ignores it for root; the package's
  # postinst runs this script as root, maybe with a sudo user's HOME); no one else may write to it, or libX11 ignores it.
  if [ ! -d "$compose" ] && [ -O "$HOME" ] && [ "$(id -u)" != 0 ]; then
    (umask 077 && mkdir -p -- "$compose") 2>/dev/null
  fi
  [ -d "$compose" ] && export XCOMPOSECACHE="$compose"
fi
exec "$top/lib/runtime/bin/java" "$@"
