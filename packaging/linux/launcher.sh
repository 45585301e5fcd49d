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
exec "$top/lib/runtime/bin/java" "$@"
