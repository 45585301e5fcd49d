package io.approvals.console.ui.keys;

import io.approvals.console.contract.Scope;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Issue key…: name, owner, scopes (read preselected: least privilege), optional expiry. */
final class IssueKeyDialog {
    interface Submit {
        void issue(String name, String owner, List<String> scopes, Instant expiresAt);
    }

    private IssueKeyDialog() {
    }

    static void show(Window owner, Submit submit) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Issue key");
        TextField name = new TextField();
        name.setId("issueName");
        name.setPromptText("e.g. dana-laptop");
        TextField who = new TextField();
        who.setId("issueOwner");
        who.setPromptText("dana@example.com");
        CheckBox read = new CheckBox(Scope.READ);
        read.setId("scopeRead");
        read.setSelected(true);
        CheckBox write = new CheckBox(Scope.WRITE);
        write.setId("scopeWrite");
        CheckBox admin = new CheckBox(Scope.ADMIN);
        admin.setId("scopeAdmin");
        DatePicker expiry = new DatePicker();
        expiry.setId("issueExpiry");
        expiry.setPromptText("never");
        Button issue = new Button("Issue");
        issue.setId("issueSubmit");
        issue.setDefaultButton(true);
        issue.disableProperty().bind(name.textProperty().isEmpty().or(who.textProperty().isEmpty())
                .or(read.selectedProperty().not().and(write.selectedProperty().not()).and(admin.selectedProperty().not())));
        issue.setOnAction(e -> {
            List<String> scopes = new ArrayList<>();
            for (CheckBox c : List.of(read, write, admin)) {
                if (c.isSelected()) {
                    scopes.add(c.getText());
                }
            }
            Instant expires = expiry.getValue() == null ? null
                    : expiry.getValue().atStartOfDay(ZoneId.systemDefault()).toInstant();
            stage.close();
            submit.issue(name.getText(), who.getText(), scopes, expires);
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(20));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Owner"), who);
        grid.addRow(2, new Label("Scopes"), new HBox(10, read, write, admin));
        grid.addRow(3, new Label(""), KeyStyles.wrapped("Give only what is needed: read to look, write to decide "
                + "and create, admin to manage keys."));
        grid.addRow(4, new Label("Expires"), expiry);
        grid.addRow(5, new Label(""), new HBox(8, issue, cancel));
        grid.setId("issueKeyDialog");
        stage.setScene(new Scene(grid));
        stage.show();
    }
}
