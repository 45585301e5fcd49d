package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

/**
 * The JavaFX system clipboard. Next to the text it offers the conventions password managers use so
 * clipboard managers and histories skip the entry:
 * <ul>
 *   <li>{@code x-kde-passwordManagerHint} = {@code secret} (KDE Klipper and others on X11/Wayland),</li>
 *   <li>{@code ExcludeClipboardContentFromMonitorProcessing} (Windows clipboard history and cloud
 *       clipboard; also {@code CanIncludeInClipboardHistory} = 0),</li>
 *   <li>{@code org.nspasteboard.ConcealedType} (macOS clipboard managers, nspasteboard.org).</li>
 * </ul>
 * JavaFX exports a custom {@link DataFormat} under its own name only as far as the platform's glass
 * layer does; a format it cannot export is skipped, never a reason not to copy (see docs/keys.md for
 * what was verified). Call on the JavaFX thread.
 */
public final class FxSecretClipboard implements SecretClipboard {
    static final String KDE_HINT = "x-kde-passwordManagerHint";
    static final String WINDOWS_EXCLUDE = "ExcludeClipboardContentFromMonitorProcessing";
    static final String WINDOWS_HISTORY = "CanIncludeInClipboardHistory";
    static final String MAC_CONCEALED = "org.nspasteboard.ConcealedType";

    /** Looked up on each use (on the JavaFX thread), so this can be built before the toolkit runs. */
    private final java.util.function.Supplier<Clipboard> system;

    public FxSecretClipboard() {
        this.system = Clipboard::getSystemClipboard;
    }

    @Override
    public void putSecret(ApiKey key) {
        ClipboardContent content = new ClipboardContent();
        content.putString(key.reveal());
        for (Marker m : markers()) {
            content.put(m.format(), m.bytes());
        }
        Clipboard clipboard = system.get();
        if (!clipboard.setContent(content)) {
            // a platform that refused the markers: the text alone still has to get there
            ClipboardContent plain = new ClipboardContent();
            plain.putString(key.reveal());
            clipboard.setContent(plain);
        }
    }

    @Override
    public boolean holds(ApiKey key) {
        Clipboard clipboard = system.get();
        String text = clipboard.hasString() ? clipboard.getString() : null;
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return ApiKey.of(text).matches(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void clear() {
        system.get().clear();
    }

    /** The platform's secret markers present on the clipboard now (for tests and diagnostics). */
    List<String> markersPresent() {
        Clipboard clipboard = system.get();
        List<String> present = new ArrayList<>();
        for (Marker m : markers()) {
            if (clipboard.hasContent(m.format())) {
                present.add(m.format().getIdentifiers().iterator().next());
            }
        }
        return present;
    }

    private record Marker(DataFormat format, ByteBuffer bytes) {}

    private static List<Marker> markers() {
        List<Marker> list = new ArrayList<>();
        list.add(new Marker(format(KDE_HINT), ascii("secret")));
        list.add(new Marker(format(WINDOWS_EXCLUDE), ByteBuffer.wrap(new byte[0])));
        list.add(new Marker(format(WINDOWS_HISTORY), ByteBuffer.wrap(new byte[4]))); // DWORD 0
        list.add(new Marker(format(MAC_CONCEALED), ByteBuffer.wrap(new byte[0])));
        return list;
    }

    private static synchronized DataFormat format(String id) {
        DataFormat existing = DataFormat.lookupMimeType(id);
        return existing != null ? existing : new DataFormat(id);
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }
}
