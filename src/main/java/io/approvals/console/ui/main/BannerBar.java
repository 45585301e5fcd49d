package io.approvals.console.ui.main;

import atlantafx.base.theme.Styles;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The trouble banner: offline, key rejected, scope missing, slow down, server failure. */
final class BannerBar extends HBox {
    private final Label text = new Label();
    private final Button action = new Button();
    private final Label icon = new Label();
    private final Button details = new Button(Messages.get("failure.details"));

    BannerBar(ApprovalsViewModel vm, MainActions actions) {
        setId("troubleBanner");
        getStyleClass().add("banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        text.setId("bannerText");
        text.setWrapText(true);
        action.setId("bannerAction");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        details.setId("bannerDetails");
        details.getStyleClass().add(Styles.FLAT);
        details.setOnAction(e -> {
            Banner b = vm.bannerProperty().get();
            if (b != null && b.details() != null && !b.details().isEmpty()) {
                actions.failureDetails(b.details());
            }
        });
        getChildren().addAll(icon, text, spacer, details, action);
        vm.bannerProperty().addListener((o, a, b) -> show(b));
        action.setOnAction(e -> {
            Banner b = vm.bannerProperty().get();
            if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
                actions.replaceKey();
            } else {
                vm.refresh();
            }
        });
        show(vm.bannerProperty().get());
    }

    private void show(Banner b) {
        setVisible(b != null);
        setManaged(b != null);
        if (b == null) {
            return;
        }
        getStyleClass().removeIf(s -> s.startsWith("banner-"));
        getStyleClass().add("banner-" + b.kind().name().toLowerCase());
        icon.setGraphic(Icons.of(
                switch (b.kind()) {
                    case OFFLINE -> Feather.WIFI_OFF;
                    case UNAUTHORIZED -> Feather.KEY;
                    case FORBIDDEN -> Feather.LOCK;
                    case RATE_LIMITED -> Feather.CLOCK;
                    case ERROR -> Feather.ALERT_TRIANGLE;
                }));
        text.setText(b.text());
        boolean traceable = b.details() != null && !b.details().isEmpty();
        details.setVisible(traceable);
        details.setManaged(traceable);
        action.setVisible(b.actionLabel() != null);
        action.setManaged(b.actionLabel() != null);
        action.setText(b.actionLabel());
        action.setAccessibleText(b.actionLabel());
    }
}
