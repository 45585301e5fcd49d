#!/usr/bin/env bash
# Builds the Linux packages of Approvals Console with jpackage:
#
#   packaging/build-linux.sh            -> target/installer/approvals-console_<version>_amd64.deb
#   packaging/build-linux.sh rpm        -> target/installer/approvals-console-<version>-1.x86_64.rpm
#   packaging/build-linux.sh app-image  -> target/installer/approvals-console-<version>-linux-x64.tar.gz (portable)
#   packaging/build-linux.sh all        -> all three
#
# Steps: mvn package -> jlinked runtime (JDK modules from jdeps + JavaFX) -> jpackage app-image -> recorded
# start-ups of the GUI under Xvfb list the classes they load (lib/app/app.classlist) -> package, whose postinst
# makes the AppCDS archive (lib/app/app.jsa) from that list -> the launcher uses it.
#
# Needs: JDK 17 with jpackage (openjdk-17-jdk), Maven, fakeroot and binutils (jlink --strip-debug uses objcopy),
# dpkg-deb for .deb, rpm (rpmbuild) for .rpm, and for the AppCDS recording xvfb + xauth, and dbus +
# gnome-keyring (a throwaway keyring for the main-window run, see with-sample-data.sh).
# Environment: SKIP_MAVEN=1 reuses target/; SKIP_CDS=1 builds without the class list (start-up ~25% slower);
# JPACKAGE_VERBOSE=1.
set -euo pipefail
source "$(dirname "$0")/common.sh"

TYPES="${1:-deb}"
[[ "$TYPES" == all ]] && TYPES="app-image deb rpm"
for t in $TYPES; do
  case "$t" in deb|rpm|app-image) ;; *) die "unknown package type '$t' (deb, rpm, app-image or all)" ;; esac
done

check_tools() {
  local missing=() t
  for t in jpackage jlink jdeps mvn unzip; do command -v "$t" >/dev/null || missing+=("$t"); done
  command -v fakeroot >/dev/null || missing+=("fakeroot (Debian package fakeroot)")
  command -v objcopy >/dev/null || missing+=("objcopy (Debian package binutils)")
  [[ " $TYPES " == *" deb "* ]] && { command -v dpkg-deb >/dev/null || missing+=("dpkg-deb (dpkg)"); }
  [[ " $TYPES " == *" rpm "* ]] && { command -v rpmbuild >/dev/null || missing+=("rpmbuild (Debian package rpm)"); }
  if [[ "${SKIP_CDS:-0}" != 1 ]]; then
    command -v xvfb-run >/dev/null || [[ -n "${DISPLAY:-}" ]] \
      || missing+=("xvfb-run (Debian packages xvfb xauth), or set SKIP_CDS=1")
    command -v dbus-run-session >/dev/null || missing+=("dbus-run-session (Debian package dbus), or set SKIP_CDS=1")
    command -v gnome-keyring-daemon >/dev/null || missing+=("gnome-keyring-daemon (Debian package gnome-keyring), or set SKIP_CDS=1")
  fi
  ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]}"
}

IMAGE="$WORK/image/$APP_ID"
PROBE_PROPERTY="approvals.exitAfterFirstFrame"   # io.approvals.console.app.StartupProbe

build_app_image() {
  log "jpackage app-image (version $VERSION)"
  rm -rf "$WORK/image"
  "$JPACKAGE" --type app-image --dest "$WORK/image" \
    --name "$APP_ID" --app-version "$VERSION" --vendor "$APP_VENDOR" --copyright "$APP_COPYRIGHT" \
    --description "$(app_description)" \
    --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
    --runtime-image "$WORK/runtime" --icon "$ROOT/assets/png/icon-256.png" \
    --java-options '-Xlog:all=off' --java-options '-Xlog:all=warning:stderr' "${LAUNCHER_ARGS[@]}"
  # JVM warnings (e.g. about a CDS archive) go to stderr, not stdout: stdout belongs to the CLI's output.
  # Diagnose with a log file, which these leave alone: JAVA_TOOL_OPTIONS=-Xlog:cds:file=/tmp/cds.log
  # the licence travels with the portable image too
  cp "$ROOT/LICENSE" "$IMAGE/lib/LICENSE"
}

app_description() {
  # the pom's <description>, one line
  sed -n 's:.*<description>\(.*\)</description>.*:\1:p' "$ROOT/pom.xml" | head -1
}

# AppCDS. JDK 17 accepts an archive only at the exact class path it was made at (no relocation before JDK 19),
# so the archive cannot be made here for /opt. Instead: record here which classes real start-ups load (the GUI
# under Xvfb up to its first frame, StartupProbe exits then: the welcome window, and the main window with data
# from a local sandbox; plus --version and --help), ship that list as
# lib/app/app.classlist, and let the package's postinst make lib/app/app.jsa from it (-Xshare:dump, ~2 s, no
# display needed). The launcher of the deb/rpm runs with -XX:SharedArchiveFile=$APPDIR/app.jsa.
CLASSLIST="$IMAGE/lib/app/app.classlist"

record_class_list() {
  if [[ "${SKIP_CDS:-0}" == 1 ]]; then
    log "SKIP_CDS=1: no AppCDS class list"
    return
  fi
  if [[ -n "$RUNTIME_JDK_FEATURE" ]]; then
    # The .deb gets an AOT cache (aot_cache_into_deb). No class list: on JDK 25 the postinst's -Xshare:dump through
    # the launcher did not exit after dumping (it went on to start the app), so the rpm and the portable image
    # of a JDK 25 build start without an app archive (the runtime's default CDS archive only).
    log "JDK $RUNTIME_JDK_FEATURE runtime: no AppCDS class list (the .deb ships an AOT cache instead)"
    return
  fi
  log "Recording the AppCDS class list (GUI start-ups under Xvfb: welcome window, main window with data; CLI)"
  local scratch rc
  scratch=$(mktemp -d)
  rm -f "$CLASSLIST" "$WORK"/*.classlist
  # -Xshare:off, so that classes the JDK's own archive would provide are listed too
  local record="-Xshare:off -XX:DumpLoadedClassList"
  local xvfb=(xvfb-run -a -s "-screen 0 1400x900x24")
  [[ -n "${DISPLAY:-}" ]] && ! command -v xvfb-run >/dev/null && xvfb=()

  # On a JDK 25+ runtime the .deb gets an AOT cache instead, and this list serves the rpm and the fallback: one run
  # (its class list numbers classes per run, so lists of several runs cannot be merged line by line).
  local one_run=""
  [[ -n "$RUNTIME_JDK_FEATURE" ]] && one_run=1

  # 1. No profile: the welcome window. A throwaway home: no one's settings or keychain.
  rc=0
  [[ -z "$one_run" ]] && env -i PATH="$PATH" HOME="$scratch" APPROVALS_CONSOLE_HOME="$scratch/app" LANG=C.UTF-8 \
    JAVA_TOOL_OPTIONS="$record=$WORK/welcome.classlist -D$PROBE_PROPERTY=true" \
    timeout 120 "${xvfb[@]}" "$IMAGE/bin/$APP_ID" >"$WORK/cds-welcome-run.log" 2>&1 || rc=$?
  [[ -z "$one_run" ]] && first_frame_reported "$WORK/cds-welcome-run.log" "welcome window" "$rc"

  # 2. A profile with a key, against a local sandbox: the main window with 40 approvals.
  rc=0
  "$ROOT/packaging/with-sample-data.sh" "$IMAGE/bin/$APP_ID" \
    env JAVA_TOOL_OPTIONS="$record=$WORK/main.classlist -D$PROBE_PROPERTY=true" \
    timeout 120 "${xvfb[@]}" "$IMAGE/bin/$APP_ID" >"$WORK/cds-main-run.log" 2>&1 || rc=$?
  first_frame_reported "$WORK/cds-main-run.log" "main window with data" "$rc"

  # 3. The command line.
  if [[ -z "$one_run" ]]; then
    env -i PATH="$PATH" HOME="$scratch" APPROVALS_CONSOLE_HOME="$scratch/app" \
      JAVA_TOOL_OPTIONS="$record=$WORK/version.classlist" "$IMAGE/bin/$APP_ID" --version >/dev/null 2>&1 || true
    env -i PATH="$PATH" HOME="$scratch" APPROVALS_CONSOLE_HOME="$scratch/app" \
      JAVA_TOOL_OPTIONS="$record=$WORK/help.classlist" "$IMAGE/bin/$APP_ID" --help >/dev/null 2>&1 || true
  fi
  rm -rf "$scratch"

  # one list, first occurrence wins (the JDK reads it in order)
  local f
  for f in main welcome version help; do if [[ -f "$WORK/$f.classlist" ]]; then cat "$WORK/$f.classlist"; fi; done \
    | awk '!seen[$0]++' >"$CLASSLIST"
  [[ -s "$CLASSLIST" ]] || die "no classes recorded for the AppCDS archive"
  # Prove the list dumps cleanly here, where it is cheap to find out, rather than in a user's postinst.
  local test_jsa="$WORK/test-app.jsa"
  rm -f "$test_jsa"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$CLASSLIST -XX:SharedArchiveFile=$test_jsa" \
    "$IMAGE/bin/$APP_ID" >"$WORK/cds-test-dump.log" 2>&1 || { cat "$WORK/cds-test-dump.log" >&2; die "test dump failed"; }
  [[ -s "$test_jsa" ]] || die "test dump wrote no archive"
  log "AppCDS class list: $(wc -l <"$CLASSLIST") classes; archive made from it: $(du -h "$test_jsa" | cut -f1)"
  rm -f "$test_jsa"
}

# A recording run that did not reach its first frame still loaded classes worth listing: warn, show the log.
first_frame_reported() {
  local log_file="$1" what="$2" rc="$3"
  if grep -q '^FIRST_FRAME_MS=' "$log_file"; then
    echo "    $what: first frame at $(sed -n 's/^FIRST_FRAME_MS=//p' "$log_file") ms (recording run)"
  else
    echo "WARNING: the $what did not report its first frame (exit $rc); its classes may be missing. Log:" >&2
    tail -30 "$log_file" | sed 's/^/    /' >&2
  fi
}

# The installers' copy of the app image: its launcher uses the archive the postinst makes.
INSTALLER_IMAGE="$WORK/installer-image/$APP_ID"
prepare_installer_image() {
  rm -rf "$WORK/installer-image"
  mkdir -p "$WORK/installer-image"
  cp -a "$IMAGE" "$INSTALLER_IMAGE"
  if [[ -s "$INSTALLER_IMAGE/lib/app/app.classlist" ]]; then
    local cfg="$INSTALLER_IMAGE/lib/app/$APP_ID.cfg"
    # jpackage's launcher config: java-options lines under [JavaOptions]; $APPDIR is lib/app.
    sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa' "$cfg"
  fi
}

linux_package() {
  local type="$1"
  log "jpackage $type"
  local out="$WORK/out-$type"
  rm -rf "$out"
  # Resources: our .desktop entry (StartupWMClass, categories) and postinst/prerm that also add/remove the
  # /usr/bin/approvals-console link; jpackage fills in their placeholders.
  "$JPACKAGE" --type "$type" ${JPACKAGE_VERBOSE:+--verbose} --dest "$out" --app-image "$INSTALLER_IMAGE" \
    --name "$APP_ID" --app-version "$VERSION" --vendor "$APP_VENDOR" --copyright "$APP_COPYRIGHT" \
    --description "$(app_description)" --license-file "$ROOT/LICENSE" \
    --install-dir /opt --linux-package-name "$APP_ID" \
    --linux-deb-maintainer "approvals-console@users.noreply.example" \
    --linux-app-category utils --linux-menu-group "Office;Utility;" --linux-shortcut \
    --linux-rpm-license-type "ASL 2.0" \
    --linux-package-deps "$(package_deps "$type")" \
    --icon "$ROOT/assets/png/icon-256.png" --resource-dir "$(resource_dir "$type")"
  mkdir -p "$INSTALLER_DIR"
  local file
  file=$(ls "$out"/*."$type")
  case "$type" in
    # JDK 17 writes NAME_VERSION-1_amd64.deb; the agreed name has no release suffix.
    deb) mv "$file" "$INSTALLER_DIR/${APP_ID}_${VERSION}_amd64.deb"
         [[ -n "$RUNTIME_JDK_FEATURE" ]] && aot_cache_into_deb "$INSTALLER_DIR/${APP_ID}_${VERSION}_amd64.deb" ;;
    rpm) mv "$file" "$INSTALLER_DIR/" ;;
  esac
}

# JDK 25+ runtime: the .deb ships an AOT cache (lib/app/app.aot; JEP 483/514/515) instead of the class list that
# postinst turns into an AppCDS archive. The cache names the jars with their sizes and modification times, and
# jpackage copies files without keeping those, so it is made from the package's own files: the .deb is unpacked,
# the unpacked launcher makes the cache in a training run (the main window with data under Xvfb, up to its first
# frame), and the .deb is packed again with it. The cache does not depend on the install directory (JDK 19+).
# If the training run writes no cache, the .deb stays as jpackage made it (class list, archive made by postinst).
aot_cache_into_deb() {
  local deb="$1" dir="$WORK/deb-aot"
  [[ "${SKIP_CDS:-0}" == 1 ]] && return 0
  log "AOT cache (JDK $RUNTIME_JDK_FEATURE): training run of the unpacked .deb's launcher (main window with data)"
  rm -rf "$dir"
  dpkg-deb -R "$deb" "$dir"
  local app="$dir/opt/$APP_ID"
  local cfg="$app/lib/app/$APP_ID.cfg" aot="$app/lib/app/app.aot"
  sed -i '/SharedArchiveFile=/d' "$cfg"
  local xvfb=(xvfb-run -a -s "-screen 0 1400x900x24")
  [[ -n "${DISPLAY:-}" ]] && ! command -v xvfb-run >/dev/null && xvfb=()
  local rc=0
  "$ROOT/packaging/with-sample-data.sh" "$app/bin/$APP_ID" \
    env JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$aot -D$PROBE_PROPERTY=true" \
    timeout 300 "${xvfb[@]}" "$app/bin/$APP_ID" >"$WORK/aot-training.log" 2>&1 || rc=$?
  first_frame_reported "$WORK/aot-training.log" "AOT training run" "$rc"
  if [[ ! -s "$aot" ]]; then
    echo "WARNING: the training run wrote no AOT cache; the .deb keeps the class list (archive made by postinst)" >&2
    tail -20 "$WORK/aot-training.log" | sed 's/^/    /' >&2
    rm -rf "$dir"
    return 0
  fi
  rm -f "$app/lib/app/app.classlist"   # postinst makes an AppCDS archive only from a class list
  sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/app.aot' "$cfg"
  # Prove the cache is used by the packed launcher, where it is cheap to find out.
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$WORK/aot-check.log" "$app/bin/$APP_ID" --version >/dev/null 2>&1 || true
  grep -q 'io.approvals.console.app.Main source: shared objects file' "$WORK/aot-check.log" \
    || die "the launcher does not load the app's classes from its AOT cache (see $WORK/aot-check.log)"
  local size aot_size
  aot_size=$(du -h "$aot" | cut -f1)
  size=$(du -sk --exclude=DEBIAN "$dir" | cut -f1)
  sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$dir/DEBIAN/control"
  [[ -f "$dir/DEBIAN/md5sums" ]] && (cd "$dir" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | sort \
    | xargs -d '\n' md5sum >DEBIAN/md5sums)
  fakeroot dpkg-deb --build "$dir" "$deb" >/dev/null
  rm -rf "$dir"
  log "AOT cache: $aot_size, in the .deb as lib/app/app.aot; .deb now $(du -h "$deb" | cut -f1)"
}

# jpackage adds the libraries its ldd scan finds; with JavaFX it has missed GTK (platform-notes), so the GUI's
# libraries are named outright: Debian package names for the .deb, library sonames (which every rpm
# distribution's packages provide) for the .rpm.
package_deps() {
  case "$1" in
    deb) echo "libgtk-3-0, libgl1, libxxf86vm1" ;;
    rpm) echo "libgtk-3.so.0()(64bit), libGL.so.1()(64bit), libXxf86vm.so.1()(64bit)" ;;
  esac
}

# jpackage resources: the deb and rpm want different script files; the .desktop entry is shared.
resource_dir() {
  local dir="$WORK/resources-$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -r "$ROOT/packaging/linux/$1"/. "$dir/"
  sed "s/^StartupWMClass=.*/StartupWMClass=$WM_CLASS/" "$ROOT/assets/approvals-console.desktop" >"$dir/$APP_ID.desktop"
  echo "$dir"
}

# JavaFX on X11 names a window's WM_CLASS after the javafx.application.Application subclass (binary name, e.g.
# io.approvals.console.ui.ConsoleApp or a.b.Outer$Inner). Docks match windows to the menu entry by it
# (StartupWMClass), so it is read from the classes rather than trusted to stay in step by hand.
# ci-check.sh compares it with the WM_CLASS of the real window.
detect_wm_class() {
  local committed found
  committed=$(sed -n 's/^StartupWMClass=//p' "$ROOT/assets/approvals-console.desktop")
  found=$(cd "$TARGET/classes" && grep -rl --include='*.class' 'javafx/application/Application' io \
      | grep -v '^io/approvals/console/bench/' | sed 's|\.class$||; s|/|.|g' \
      | xargs -r javap -cp . 2>/dev/null \
      | sed -n 's/.* class \([^ ]*\) extends javafx\.application\.Application.*/\1/p')
  if [[ $(printf '%s' "$found" | grep -c .) == 1 ]]; then
    WM_CLASS="$found"
  else
    echo "WARNING: expected one javafx.application.Application subclass, found: ${found:-none};" \
      "keeping StartupWMClass=$committed from assets/approvals-console.desktop" >&2
    WM_CLASS="$committed"
  fi
  [[ "$WM_CLASS" == "$committed" ]] || echo "NOTE: StartupWMClass is $WM_CLASS (assets/approvals-console.desktop" \
    "says $committed; update it)" >&2
  log "Window class (StartupWMClass): $WM_CLASS"
}

portable_archive() {
  log "Portable app-image archive"
  mkdir -p "$INSTALLER_DIR"
  tar -C "$WORK/image" -czf "$INSTALLER_DIR/$APP_ID-$VERSION-linux-x64.tar.gz" "$APP_ID"
}

check_tools
find_aot_jdk
if [[ -n "$RUNTIME_JDK_FEATURE" ]]; then
  log "Runtime: JDK $RUNTIME_JDK_FEATURE ($JLINK); the .deb gets an AOT cache"
else
  log "Runtime: $("$JLINK" --version 2>/dev/null | head -1 || echo '?') from PATH (no JDK 25+ found); AppCDS archive made by postinst"
fi
build_jars
VERSION=$(app_version)
detect_wm_class
stage_input
link_runtime
build_app_image
record_class_list
prepare_installer_image
for t in $TYPES; do
  case "$t" in
    app-image) portable_archive ;;
    *) linux_package "$t" ;;
  esac
done
log "Done:"
ls -l "$INSTALLER_DIR"
