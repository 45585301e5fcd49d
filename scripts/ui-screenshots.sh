#!/bin/sh
# Takes the README screenshots from the real app under Xvfb, in a throwaway APPROVALS_CONSOLE_HOME:
# the welcome screen's one-click sandbox, the main window (light, then dark via GTK_THEME) at its size and
# at 900x600 (with and without the details drawer), and the create and reject dialogs; then every dialog light and
# dark (dialog-<name>-<theme>.png) and the welcome screen light and dark (welcome-<theme>.png). Needs xvfb-run, xdotool and ImageMagick's import.
#   scripts/ui-screenshots.sh            # build, shoot, copy into assets/screenshots/
set -eu
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--inner" ]; then
    OUT=$2; MODE=$3
    java -Dprism.order=sw -jar target/approvals-console.jar > "$OUT/app-$MODE.log" 2>&1 &
    APP=$!
    # a loaded machine takes longer than a quiet one: wait for the window (up to 90 s), then for its rows
    for _ in $(seq 90); do xdotool search --name "Approvals Console" >/dev/null 2>&1 && break; sleep 1; done
    sleep 7
    if xdotool search --name "welcome" >/dev/null 2>&1; then
        xdotool key Return   # the sandbox button is the default button
        sleep 12
    fi
    W=$(xdotool search --name "Approvals Console" | head -1)
    eval "$(xdotool getwindowgeometry --shell "$W")"
    CROP="${WIDTH}x${HEIGHT}+${X}+${Y}"
    xdotool key Down Down Down
    sleep 1
    import -window "$W" "$OUT/main-$MODE.png"
    # the smallest window the layout is made for: details as a drawer, fewer columns, icon-only buttons
    xdotool windowsize "$W" 900 600
    sleep 2
    import -window "$W" "$OUT/main-narrow-$MODE.png"
    xdotool key ctrl+i
    sleep 1
    import -window "$W" "$OUT/main-narrow-drawer-$MODE.png"
    xdotool key ctrl+i
    xdotool windowsize "$W" "$WIDTH" "$HEIGHT"
    sleep 2
    if [ "$MODE" = light ]; then
        xdotool key ctrl+n
        sleep 2
        xdotool type --delay 20 "Standing desk for the new office"
        xdotool key Tab
        xdotool type --delay 10 "Ergonomic, height-adjustable; replaces the fixed desk in room 4.12."
        xdotool key Tab
        xdotool type --delay 10 "lee@example.com"
        sleep 1
        import -window root -crop "$CROP" +repage "$OUT/dialog-create.png"
        xdotool key Escape
        sleep 1
        xdotool key r
        sleep 2
        xdotool type --delay 10 "Over budget this quarter; please resubmit in January."
        sleep 1
        import -window root -crop "$CROP" +repage "$OUT/dialog-decide.png"
        xdotool key Escape
    fi
    sleep 1
    kill "$APP"
    wait "$APP" || true
    exit 0
fi

mvn -B -q package -DskipTests
HOME_DIR=$(mktemp -d)
OUT=$(mktemp -d)
trap 'rm -rf "$HOME_DIR" "$OUT"' EXIT
SCREEN="-screen 0 1400x900x24"
APPROVALS_CONSOLE_HOME=$HOME_DIR xvfb-run -a -s "$SCREEN" "$0" --inner "$OUT" light
APPROVALS_CONSOLE_HOME=$HOME_DIR GTK_THEME=Adwaita:dark xvfb-run -a -s "$SCREEN" "$0" --inner "$OUT" dark
mkdir -p assets/screenshots
cp "$OUT"/main-light.png "$OUT"/main-dark.png "$OUT"/main-narrow-light.png "$OUT"/main-narrow-dark.png \
    "$OUT"/main-narrow-drawer-light.png "$OUT"/dialog-create.png "$OUT"/dialog-decide.png assets/screenshots/
# every dialog, light and dark, with the longest texts of the layout test, on a 900x600 screen
# (DialogScreenshotsUiTest: a snapshot of each dialog's scene under the headless test toolkit), and the first
# run's welcome screen light and dark at the window's opening size (WelcomeScreenshotsUiTest: welcome-*.png)
mvn -B -q test -Dtest='DialogScreenshotsUiTest,WelcomeScreenshotsUiTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dscreenshots.dir="$PWD/assets/screenshots"
echo "Screenshots in assets/screenshots/"
