package io.approvals.console.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer light or dark, chosen or following the OS. */
public final class Themes {
    public static final String APP_CSS = "/io/approvals/console/ui/console.css";
    private static volatile Boolean osDark;

    private Themes() {}

    /** Sets the theme for every window of the app. Call on the UI thread. */
    public static void apply(ThemeChoice choice) {
        boolean dark = isDark(choice);
        String sheet = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        // Setting it again, even unchanged, makes every window look up its styles again. Compared with what is set
        // now, not with what this class set last: whoever set another one (a test's clean-up) is undone too.
        if (!sheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(sheet);
        }
    }

    public static boolean isDark(ThemeChoice choice) {
        return choice == ThemeChoice.DARK || (choice == ThemeChoice.SYSTEM && osPrefersDark());
    }

    /** Adds the app's own style sheet to a scene and marks its root for dark-theme tweaks. */
    public static void style(Scene scene, ThemeChoice choice) {
        String css = Themes.class.getResource(APP_CSS).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        if (scene.getRoot() != null) {
            // only when it changes: a style class changed makes the whole window look up its styles again
            var classes = scene.getRoot().getStyleClass();
            boolean dark = isDark(choice);
            if (dark != classes.contains("dark")) {
                if (dark) {
                    classes.add("dark");
                } else {
                    classes.removeAll("dark");
                }
            }
        }
    }

    /**
     * Whether the desktop asks for dark: GTK_THEME ending in ":dark"/"-dark", or GNOME's color-scheme.
     * Runs a short process the first time: call {@link #detectOsTheme()} before the UI starts.
     */
    public static boolean osPrefersDark() {
        Boolean d = osDark;
        return d != null && d;
    }

    /** Looks up the OS preference once; call off the UI thread (it may start gsettings). */
    public static void detectOsTheme() {
        if (osDark != null) {
            return;
        }
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null) {
            osDark = gtk.toLowerCase(Locale.ROOT).contains("dark");
            return;
        }
        boolean dark = false;
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .redirectErrorStream(true)
                    .start();
            if (p.waitFor(1, TimeUnit.SECONDS)) {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line = r.readLine();
                    dark = line != null && line.contains("dark");
                }
            } else {
                p.destroyForcibly();
            }
        } catch (Exception e) {
            dark = false;
        }
        osDark = dark;
    }
}
