#!/usr/bin/env bash
# Builds the macOS packages of Approvals Console with jpackage. Run ON A MAC (jpackage builds only for the OS
# it runs on); not tested in this project's CI, which is Linux.
#
#   packaging/build-macos.sh            -> target/installer/Approvals Console-<version>.dmg
#   packaging/build-macos.sh app-image  -> target/installer/approvals-console-<version>-macos-<arch>.zip (portable .app)
#
# Needs: a JDK 17 with jpackage (e.g. Temurin 17), Maven, Xcode command line tools (hdiutil, codesign, ditto).
# Maven resolves the JavaFX jars for the Mac it runs on (javafx-*-mac.jar or -mac-aarch64.jar), so build on an
# Intel Mac for Intel and on Apple silicon for arm64.
# Unsigned: Gatekeeper asks on first start (right-click > Open). To sign and notarize, add
# --mac-sign --mac-signing-key-user-name "Developer ID Application: ..." and notarize the .dmg with notarytool.
# AppCDS: the .app can be moved anywhere and JDK 17 ties an archive to one path, so the Mac build uses the
# runtime's default CDS archive only.
set -euo pipefail
NATIVE_GLOB="*.dylib"
source "$(dirname "$0")/common.sh"

TYPE="${1:-dmg}"
case "$TYPE" in dmg|app-image) ;; *) die "unknown package type '$TYPE' (dmg or app-image)" ;; esac
[[ "$(uname -s)" == Darwin ]] || die "build-macos.sh runs on macOS (jpackage builds for the OS it runs on)"
for t in jpackage jlink jdeps mvn unzip; do command -v "$t" >/dev/null || die "missing tool: $t"; done

build_jars
VERSION=$(app_version)
stage_input
link_runtime

common_args=(--name "$APP_NAME" --app-version "$VERSION" --vendor "$APP_VENDOR" --copyright "$APP_COPYRIGHT"
  --description "$(sed -n 's:.*<description>\(.*\)</description>.*:\1:p' "$ROOT/pom.xml" | head -1)")

log "jpackage app-image"
rm -rf "$WORK/image"
jpackage --type app-image --dest "$WORK/image" "${common_args[@]}" \
  --icon "$ROOT/assets/icon.icns" --mac-package-name "$APP_NAME" --mac-package-identifier io.approvals.console \
  --input "$WORK/input" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" --runtime-image "$WORK/runtime" \
  --java-options '-Xlog:all=off' --java-options '-Xlog:all=warning:stderr' "${LAUNCHER_ARGS[@]}"

mkdir -p "$INSTALLER_DIR"
case "$TYPE" in
  app-image)
    log "Portable .app archive"
    ditto -c -k --keepParent "$WORK/image/$APP_NAME.app" \
      "$INSTALLER_DIR/$APP_ID-$VERSION-macos-$(uname -m).zip"
    ;;
  dmg)
    log "jpackage dmg"
    jpackage --type dmg --dest "$INSTALLER_DIR" --app-image "$WORK/image/$APP_NAME.app" "${common_args[@]}" \
      --license-file "$ROOT/LICENSE"
    ;;
esac
log "Done:"
ls -l "$INSTALLER_DIR"
