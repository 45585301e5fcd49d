package io.approvals.console.ui.keys;

import io.approvals.console.contract.Scope;
import io.approvals.console.ui.common.DateFields;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** issue_key.fxml: name, owner, scopes (read preselected: least privilege), optional expiry; Issue is the default. */
public final class IssueKeyController extends DialogController {
    /** What the dialog asks for; the admin window sends it. */
    public interface Submit {
        void issue(String name, String owner, List<String> scopes, Instant expiresAt);
    }

    private final Clock clock;
    private final Submit onIssue;

    @FXML
    Label nameCaption;

    @FXML
    TextField name;

    @FXML
    Label ownerCaption;

    @FXML
    TextField owner;

    @FXML
    CheckBox read;

    @FXML
    CheckBox write;

    @FXML
    CheckBox admin;

    @FXML
    Label expiryCaption;

    @FXML
    DatePicker expiry;

    @FXML
    Label error;

    @FXML
    Button cancel;

    @FXML
    Button submit;

    public IssueKeyController(Clock clock, Submit submit) {
        this.clock = clock;
        this.onIssue = submit;
    }

    @FXML
    void initialize() {
        nameCaption.setLabelFor(name);
        ownerCaption.setLabelFor(owner);
        expiryCaption.setLabelFor(expiry);
        DateFields.commitTypedText(expiry);
        error.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> past() ? Messages.get("issue.expires.past") : "", expiry.valueProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        submit.disableProperty()
                .bind(name.textProperty()
                        .isEmpty()
                        .or(owner.textProperty().isEmpty())
                        .or(read.selectedProperty()
                                .not()
                                .and(write.selectedProperty().not())
                                .and(admin.selectedProperty().not()))
                        .or(error.textProperty().isNotEmpty()));
        cancel.setOnAction(e -> close());
        submit.setOnAction(e -> {
            List<String> scopes = new ArrayList<>();
            // the API's words, whatever the boxes say in the user's language
            if (read.isSelected()) {
                scopes.add(Scope.READ);
            }
            if (write.isSelected()) {
                scopes.add(Scope.WRITE);
            }
            if (admin.isSelected()) {
                scopes.add(Scope.ADMIN);
            }
            LocalDate day = expiry.getValue();
            Instant expires =
                    day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
            close();
            onIssue.issue(name.getText(), owner.getText(), scopes, expires);
        });
    }

    private boolean past() {
        LocalDate day = expiry.getValue();
        return day != null && !day.isAfter(LocalDate.now(clock));
    }

    @Override
    public String title() {
        return Messages.get("issue.title");
    }

    @Override
    public String kind() {
        return "issueKey";
    }

    @Override
    public Node initialFocus() {
        return name;
    }

    @Override
    public Button defaultButton() {
        return submit;
    }
}
