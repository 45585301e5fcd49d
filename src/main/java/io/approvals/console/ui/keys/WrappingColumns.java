package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.Messages;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/** The admin window's text columns: every cell wraps and has its full text in a tooltip, no header is cut. */
final class WrappingColumns {
    private WrappingColumns() {}

    static <S> TableColumn<S, String> text(String key, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new WrappingCell<>());
        c.setPrefWidth(width);
        // the header's title is never cut: the column is at least as wide as it
        Text title = new Text(c.getText());
        title.setStyle("-fx-font-weight: bold;");
        c.setMinWidth(Math.ceil(title.getLayoutBounds().getWidth()) + 30);
        return c;
    }

    /**
     * A cell that wraps its text to its column's width (the row grows) and has the whole text in a tooltip: nothing
     * is cut. A Text, not a Label: a Label's height is not known before its width, so rows kept one height and cut.
     */
    static final class WrappingCell<S> extends TableCell<S, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().addAll("text", "cell-text");
            setGraphic(text);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefHeight(Region.USE_COMPUTED_SIZE);
            tableColumnProperty().addListener((o, a, column) -> {
                text.wrappingWidthProperty().unbind();
                if (column != null) {
                    text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean none = empty || item == null || item.isEmpty();
            text.setText(none ? "" : item);
            setTooltip(none ? null : new Tooltip(item));
        }
    }
}
