package io.approvals.console.ui.keys;

import io.approvals.console.service.RotationGrace;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * regenerate.fxml: "This key is compromised" (the old key dies at once; the key's name must be typed first, as
 * GitHub and Stripe ask) or "Routine rotation" (the default: the old key keeps working 1 h, 24 h, 7 d or a typed
 * time). Where the server has no /apikeys endpoints it offers Replace key… instead (the consumer then gets null).
 */
public final class RegenerateController extends DialogController {
    private final String subject;
    private final String confirmName;
    private final boolean manualOnly;
    private final String handTo;
    private final Consumer<RotationGrace> choice;

    @FXML
    Label heading;

    @FXML
    Label intro;

    @FXML
    VBox choices;

    @FXML
    Label graceCaption;

    @FXML
    ComboBox<String> grace;

    @FXML
    Label graceError;

    @FXML
    Label compromisedText;

    @FXML
    Label confirmCaption;

    @FXML
    TextField confirm;

    @FXML
    Button kill;

    @FXML
    Button cancel;

    @FXML
    Button primary;

    /**
     * For the connection's own key, which the console stores: subject, what the heading names; confirmName, what must
     * be typed to regenerate a compromised key.
     */
    public RegenerateController(
            String subject, String confirmName, boolean manualOnly, Consumer<RotationGrace> choice) {
        this(subject, confirmName, manualOnly, null, choice);
    }

    /** For another person's key (the admin window): the new key is shown once, for the admin to hand to owner. */
    public static RegenerateController handingOver(String name, String owner, Consumer<RotationGrace> choice) {
        String to = owner == null || owner.isBlank() ? Messages.get("regenerate.owner.unknown") : owner;
        return new RegenerateController(name, name, false, to, choice);
    }

    private RegenerateController(
            String subject, String confirmName, boolean manualOnly, String handTo, Consumer<RotationGrace> choice) {
        this.subject = subject;
        this.confirmName = confirmName;
        this.manualOnly = manualOnly;
        this.handTo = handTo;
        this.choice = choice;
    }

    @FXML
    void initialize() {
        heading.setText(Messages.format("regenerate.heading", subject));
        cancel.setOnAction(e -> close());
        if (manualOnly) {
            intro.setText(Messages.format("regenerate.manualOnly", subject));
            choices.setVisible(false);
            choices.setManaged(false);
            primary.setId("manualReplaceButton");
            primary.setText(Messages.get("regenerate.replace"));
            primary.setOnAction(e -> {
                close();
                choice.accept(null);
            });
            return;
        }
        // the console stores and verifies its own key; another person's is shown once and kept nowhere
        intro.setText(
                handTo == null
                        ? Messages.get("regenerate.intro")
                        : Messages.format("regenerate.intro.handOver", handTo));
        compromisedText.setText(
                Messages.get(handTo == null ? "regenerate.compromised.text" : "regenerate.compromised.textHandOver"));
        graceCaption.setLabelFor(grace);
        grace.getItems().setAll("1h", "24h", "7d");
        grace.setValue("24h");
        graceError.visibleProperty().bind(graceError.textProperty().isNotEmpty());
        graceError.managedProperty().bind(graceError.visibleProperty());
        grace.getEditor().textProperty().addListener((o, a, b) -> graceError.setText(""));
        confirmCaption.setText(Messages.format("regenerate.confirm", confirmName));
        confirmCaption.setLabelFor(confirm);
        confirm.setPromptText(confirmName);
        kill.disableProperty().bind(confirm.textProperty().isNotEqualTo(confirmName));
        // Enter in the name field is the compromised action the name was typed for, never the routine default
        confirm.setOnAction(e -> {
            e.consume();
            if (!kill.isDisabled()) {
                kill.fire();
            }
        });
        kill.setOnAction(e -> {
            close();
            choice.accept(RotationGrace.COMPROMISED);
        });
        primary.setText(Messages.get("regenerate.routine.button"));
        primary.setOnAction(e -> {
            RotationGrace g;
            try {
                String typed = grace.getEditor().getText();
                g = RotationGrace.parse(typed == null || typed.isBlank() ? grace.getValue() : typed);
                if (g.compromised()) {
                    graceError.setText(Messages.get("regenerate.grace.zero"));
                    return;
                }
            } catch (IllegalArgumentException ex) {
                graceError.setText(Messages.get("regenerate.grace.invalid"));
                return;
            }
            close();
            choice.accept(g);
        });
    }

    @Override
    public String title() {
        return Messages.get("regenerate.title");
    }

    @Override
    public Node initialFocus() {
        return manualOnly ? primary : grace;
    }

    @Override
    public Button defaultButton() {
        return primary;
    }
}
