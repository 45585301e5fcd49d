package io.approvals.console.app;

import io.approvals.console.ui.common.StartupSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * A start-up measuring point for packaging: with {@code -Dapprovals.exitAfterFirstFrame=true} the app prints when
 * the first frame of its window showed its content, and exits. The packaging build uses it to record the classes
 * of a real start-up for the AppCDS archive, and packaging/measure-startup.sh to time start-up, without a person.
 *
 * <p>"Its content": for a window with a table (the main window), the first frame where a table has rows, i.e.
 * with its data; for a window without one (the welcome window), the first frame without a turning spinner (not
 * the "Opening…" screen). {@link #watchIfEnabled()}
 * finds this by itself; the UI may also call {@link #firstFrameShown()} at a moment it knows better. Off (and free)
 * without the property.
 */
public final class StartupProbe {
    /** The system property that turns the probe on. */
    public static final String EXIT_AFTER_FIRST_FRAME = StartupSteps.EXIT_AFTER_FIRST_FRAME;

    /** A main window whose data never comes still reports, so that a build never waits forever. */
    private static final Duration DATA_WAIT = Duration.ofSeconds(30);

    private static volatile boolean reported;

    private StartupProbe() {}

    /** Whether this run is a measuring run. */
    public static boolean enabled() {
        return Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME);
    }

    /**
     * When enabled: watches every window the app opens, from the moment the JavaFX toolkit is up, and reports the
     * first frame that shows a window's content. Call before launching JavaFX.
     */
    public static void watchIfEnabled() {
        if (!enabled()) {
            return;
        }
        Thread waiter = new Thread(StartupProbe::watchOnceToolkitIsUp, "startup-probe");
        waiter.setDaemon(true);
        waiter.start();
    }

    /**
     * Prints {@code FIRST_FRAME_EPOCH_MS=} (wall clock) and {@code FIRST_FRAME_MS=} (since the process started) on
     * stdout and halts the JVM with status 0, when enabled; only the first call counts. Call on the FX thread.
     */
    public static void firstFrameShown() {
        if (!enabled() || reported) {
            return;
        }
        reported = true;
        long now = System.currentTimeMillis();
        long sinceStart = ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> now - start.toEpochMilli())
                .orElse(-1L);
        StartupSteps.reached("first frame");
        StartupSteps.noted().forEach(System.out::println);
        System.out.println("FIRST_FRAME_EPOCH_MS=" + now);
        System.out.println("FIRST_FRAME_MS=" + sinceStart);
        System.out.println("FIRST_FRAME_CPU_MS=" + cpuMillis());
        if (Boolean.getBoolean(THREAD_CPU)) {
            printThreadCpu();
        }
        // After this pulse has been handed to the renderer; halt, not exit: shutdown hooks tearing the toolkit down
        // under a pulse print stack traces, and a measuring run (in a throwaway home) has nothing to save.
        Platform.runLater(() -> Runtime.getRuntime().halt(0));
    }

    /**
     * With {@code -Dapprovals.threadCpu=true} (Linux), the first frame also prints {@code THREAD_CPU <ms> <name>}
     * for every live thread of the process, the JIT compilers and GC threads included: where start-up CPU goes.
     */
    public static final String THREAD_CPU = "approvals.threadCpu";

    private static void printThreadCpu() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime + stime, in clock ticks of 10 ms
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    System.out.println("THREAD_CPU " + ticks * 10 + " " + name);
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended meanwhile has nothing left to count
                }
            });
        } catch (IOException | RuntimeException notLinux) {
            System.out.println("THREAD_CPU unavailable");
        }
    }

    /** CPU time of every thread of this process so far (JIT and GC included); -1 when the OS does not tell. */
    public static long cpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(-1L);
    }

    private static void watchOnceToolkitIsUp() {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(StartupProbe::watchWindows);
                return;
            } catch (IllegalStateException toolkitNotUpYet) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void watchWindows() {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(StartupProbe::watch);
            }
        });
        Window.getWindows().forEach(StartupProbe::watch);
    }

    private static void watch(Window window) {
        if (window.getScene() != null) {
            watch(window.getScene());
        }
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                watch(scene);
            }
        });
    }

    private static void watch(Scene scene) {
        long since = System.nanoTime();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (reported) {
                scene.removePostLayoutPulseListener(listener[0]);
            } else if (showsItsContent(scene) || System.nanoTime() - since > DATA_WAIT.toNanos()) {
                firstFrameShown();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /**
     * A window with a table shows its content once a table has rows (the main window with its data). A window
     * without one, once no spinner turns (the welcome window, not the "Opening…" screen before it).
     */
    static boolean showsItsContent(Scene scene) {
        Parent root = scene.getRoot();
        if (root == null) {
            return false;
        }
        Set<Node> tables = root.lookupAll(".table-view");
        if (!tables.isEmpty()) {
            return tables.stream()
                    .anyMatch(node -> node instanceof TableView<?> table
                            && !table.getItems().isEmpty());
        }
        return root.lookupAll(".progress-indicator").stream()
                .noneMatch(node -> node instanceof ProgressIndicator spinner
                        && spinner.isIndeterminate()
                        && visibleWithParents(node));
    }

    private static boolean visibleWithParents(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
