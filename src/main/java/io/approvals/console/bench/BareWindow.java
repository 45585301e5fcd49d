package io.approvals.console.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The start-up floor: a bare JavaFX window with a 3-column, 20-row TableView and no app code.
 * Prints "FIRST_FRAME_EPOCH_MS=n" (the wall clock at the end of the first pulse after show, as StartupProbe does)
 * and exits.
 */
public final class BareWindow {
    /** With this property true the window stays open (the idle section's floor) instead of exiting. */
    static final String STAY_OPEN = "approvals.bench.stayOpen";

    private BareWindow() {}

    /** Not an Application itself: a classpath launch of an Application subclass fails its module check. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            TableView<String[]> table = new TableView<>();
            for (int c = 0; c < 3; c++) {
                int col = c;
                TableColumn<String[], String> column = new TableColumn<>("Column " + (c + 1));
                column.setCellValueFactory(d -> new SimpleStringProperty(d.getValue()[col]));
                table.getColumns().add(column);
            }
            ObservableList<String[]> rows = FXCollections.observableArrayList();
            for (int r = 0; r < 20; r++) {
                rows.add(new String[] {"Row " + r, "Value " + (r * 7), "Item " + (r * 13)});
            }
            table.setItems(rows);
            Scene scene = new Scene(table, 900, 600);
            stage.setTitle("Bare window");
            stage.setScene(scene);
            if (!Boolean.getBoolean(STAY_OPEN)) {
                FirstFrame.reportAndExit(scene);
            }
            stage.show();
        }
    }

    /** Prints the first frame's time after JVM start and exits. */
    public static final class FirstFrame {
        private FirstFrame() {}

        public static void reportAndExit(Scene scene) {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                // The process's start, as StartupProbe measures the app: floor and app on one clock.
                long now = System.currentTimeMillis();
                long ms = ProcessHandle.current()
                        .info()
                        .startInstant()
                        .map(start -> now - start.toEpochMilli())
                        .orElse(now - ManagementFactory.getRuntimeMXBean().getStartTime());
                System.out.println("FIRST_FRAME_EPOCH_MS=" + now);
                System.out.println("FIRST_FRAME_MS=" + ms);
                // as StartupProbe.cpuMillis(), inlined: the floor runs no app code
                System.out.println("FIRST_FRAME_CPU_MS="
                        + ProcessHandle.current()
                                .info()
                                .totalCpuDuration()
                                .map(java.time.Duration::toMillis)
                                .orElse(-1L));
                System.out.flush();
                Platform.runLater(() -> Runtime.getRuntime().halt(0));
            };
            scene.addPostLayoutPulseListener(listener[0]);
        }
    }
}
