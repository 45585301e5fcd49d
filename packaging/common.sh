# Shared steps of the jpackage builds (sourced by build-linux.sh and build-macos.sh; build-windows.ps1 does the same
# steps in PowerShell). Everything lands under target/packaging/; installers under target/installer/.
#
# The app runs on the class path (Main is not an Application subclass), inside a jlinked runtime that holds
# only the JDK modules the jars need plus the JavaFX modules, linked straight from Maven's platform jars.

APP_NAME="Approvals Console"
APP_ID="approvals-console"
APP_VENDOR="Approvals Console project"
APP_COPYRIGHT="Copyright the Approvals Console authors. Licensed under the Apache License 2.0."
MAIN_CLASS="io.approvals.console.app.Main"
MAIN_JAR="approvals-console.jar"

# JDK modules that jdeps cannot see: TLS with EC keys, the sandbox's HTTP server, H2 (JNDI), libraries that use
# sun.misc.Unsafe, and charsets for odd file encodings. jdk.localedata is left out on purpose (English UI; saves
# ~10 MB): dates are formatted with the root locale's data.
EXTRA_MODULES="jdk.crypto.ec,jdk.httpserver,java.net.http,jdk.unsupported,java.naming,java.sql,jdk.charsets,jdk.zipfs"

# The launcher's JVM options, one per line in the app's resources (the benchmark measures with the same list), as
# jpackage arguments. A read loop, not mapfile: macOS ships bash 3.2.
LAUNCHER_OPTIONS_FILE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/main/resources/io/approvals/console/launcher.options"
LAUNCHER_ARGS=()
while IFS= read -r launcher_option || [[ -n "$launcher_option" ]]; do
  launcher_option="${launcher_option#"${launcher_option%%[![:space:]]*}"}"
  launcher_option="${launcher_option%"${launcher_option##*[![:space:]]}"}"
  [[ -z "$launcher_option" || "$launcher_option" == \#* ]] && continue
  LAUNCHER_ARGS+=(--java-options "$launcher_option")
done <"$LAUNCHER_OPTIONS_FILE"

# The JDK whose jlink and jpackage make the runtime and the launcher: the JDK on PATH, unless RUNTIME_JDK asks
# build-linux.sh for a JDK 25 or newer (RUNTIME_JDK=25: the usual places; RUNTIME_JDK=/path/to/jdk) for its AOT
# cache (JEP 483/514/515). Opt-in until its installed start-up is measured against the JDK 17 build's (see
# docs/packaging.md). The code is compiled at --release 17 either way, so it runs on both.
JLINK="jlink"
JPACKAGE="jpackage"
RUNTIME_JDK_FEATURE=""

# Sets JLINK, JPACKAGE and RUNTIME_JDK_FEATURE to a JDK 25+ when RUNTIME_JDK asks for one (unset or 17: PATH's).
find_aot_jdk() {
  [[ -z "${RUNTIME_JDK:-}" || "${RUNTIME_JDK:-}" == 17 ]] && return 0
  local d v
  [[ "$RUNTIME_JDK" == 25 ]] && RUNTIME_JDK=""
  for d in ${RUNTIME_JDK:-} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
      /usr/lib/jvm/temurin-2[6-9]-jdk-amd64 /usr/lib/jvm/java-2[6-9]-openjdk-amd64; do
    [[ -x "$d/bin/jlink" && -x "$d/bin/jpackage" && -x "$d/bin/java" ]] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [[ "$v" =~ ^[0-9]+$ ]] && ((v >= 25)); then
      JLINK="$d/bin/jlink"
      JPACKAGE="$d/bin/jpackage"
      RUNTIME_JDK_FEATURE="$v"
      return 0
    fi
  done
  die "RUNTIME_JDK asks for a JDK 25 or newer with jlink and jpackage; none found${RUNTIME_JDK:+ at $RUNTIME_JDK}"
}

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# repo root, from any of the packaging scripts
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/target"
WORK="$TARGET/packaging"
INSTALLER_DIR="$TARGET/installer"

# mvn package (unless SKIP_MAVEN=1, when target/ is already built)
build_jars() {
  if [[ "${SKIP_MAVEN:-0}" != 1 ]]; then
    log "Building the jars (mvn package -DskipTests)"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
  [[ -f "$TARGET/$MAIN_JAR" ]] || die "$TARGET/$MAIN_JAR is missing; run mvn package"
}

# The version, from the pom (via the filtered version.properties the build writes). jpackage wants digits and dots.
app_version() {
  local v
  v=$(sed -n 's/^version=//p' "$TARGET/classes/io/approvals/console/version.properties")
  [[ -n "$v" ]] || die "no version in target/classes/io/approvals/console/version.properties"
  v="${v%%-*}"   # 1.2.0-SNAPSHOT -> 1.2.0
  [[ "$v" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "version '$v' is not N[.N[.N]], which jpackage needs"
  echo "$v"
}

# target/packaging/input: the app jar and every non-JavaFX jar (JavaFX is in the runtime, as modules; the same
# jars on the class path as well would load twice).
stage_input() {
  log "Staging the jars"
  rm -rf "$WORK/input"
  mkdir -p "$WORK/input/lib"
  cp "$TARGET/$MAIN_JAR" "$WORK/input/"
  local jar
  for jar in "$TARGET"/lib/*.jar; do
    case "$(basename "$jar")" in
      javafx-*) ;;
      *) cp "$jar" "$WORK/input/lib/" ;;
    esac
  done
}

# The JavaFX platform jars (javafx-*-linux.jar, -win.jar, -mac.jar, -mac-aarch64.jar) whose names start with $1.
javafx_platform_jars() {
  local jar
  for jar in "$TARGET"/lib/"$1"*.jar; do
    case "$jar" in *-linux.jar|*-win.jar|*-mac.jar|*-mac-aarch64.jar) [[ -f "$jar" ]] && echo "$jar" ;; esac
  done
}

# The JavaFX platform jars as a module path.
javafx_module_path() {
  local jars
  jars=$(javafx_platform_jars javafx- | tr '\n' "${PATH_SEP:-:}")
  [[ -n "$jars" ]] || die "no JavaFX platform jars in target/lib"
  echo "${jars%?}"
}

# The JDK modules the jars use (jdeps), plus JavaFX's and EXTRA_MODULES.
runtime_modules() {
  local cp found
  cp=$(ls "$WORK"/input/lib/*.jar | tr '\n' "${PATH_SEP:-:}")
  found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
      --module-path "$(javafx_module_path)" --class-path "$cp" \
      "$WORK/input/$MAIN_JAR" "$WORK"/input/lib/*.jar 2>/dev/null | tail -1)
  [[ "$found" == java.base* ]] || die "jdeps did not print a module list (got: $found)"
  # sorted and without duplicates, so the list reads well in the log
  echo "$found,javafx.base,javafx.graphics,javafx.controls,javafx.fxml,$EXTRA_MODULES" | tr ',' '\n' | sort -u | paste -sd, -
}

# target/packaging/runtime: a jlinked runtime with the JDK's default CDS archive (used where there is no app
# archive). The modules file stays uncompressed (JLINK_COMPRESS=0): the .deb/.rpm/.tar.gz compress it far
# better than jlink's zip does (.deb 33 MB instead of 50 MB), at ~35 MB more on disk.
# NATIVE_GLOB: the JavaFX natives to copy out of the graphics jar into the runtime's native library dir, so
# JavaFX does not unpack them into ~/.openjfx/cache at first start.
link_runtime() {
  local modules
  modules=$(runtime_modules)
  log "Linking the runtime: $modules"
  rm -rf "$WORK/runtime"
  "$JLINK" --module-path "$(javafx_module_path)" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress="${JLINK_COMPRESS:-0}" \
    --generate-cds-archive --output "$WORK/runtime"
  # The archive for -XX:-UseCompressedOops (heaps over 32 GB) is 11 MB we never use.
  rm -f "$WORK/runtime/lib/server/classes_nocoops.jsa"
  local graphics natives_dir
  graphics=$(javafx_platform_jars javafx-graphics- | head -1)
  natives_dir="$WORK/runtime/${NATIVE_DIR:-lib}"
  (cd "$natives_dir" && unzip -q -o -j "$graphics" "${NATIVE_GLOB:-*.so}")
}
