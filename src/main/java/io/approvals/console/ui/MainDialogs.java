package io.approvals.console.ui;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.dialogs.BulkDecisionController;
import io.approvals.console.ui.dialogs.BulkDecisionViewModel;
import io.approvals.console.ui.dialogs.CreateApprovalController;
import io.approvals.console.ui.dialogs.CreateApprovalViewModel;
import io.approvals.console.ui.dialogs.DecisionController;
import io.approvals.console.ui.dialogs.DecisionViewModel;
import io.approvals.console.ui.dialogs.FailureDetailsController;
import io.approvals.console.ui.dialogs.MessageController;
import io.approvals.console.ui.dialogs.ReplaceKeyController;
import io.approvals.console.ui.dialogs.SettingsController;
import io.approvals.console.ui.keys.KeyUi;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.ApprovalsViewModel;
import io.approvals.console.ui.main.KeyWatch;
import io.approvals.console.ui.main.MainView;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javafx.stage.Stage;

/** The dialogs and secondary windows the main window asks for, each made with its view model and shown once. */
final class MainDialogs {
    private final ConsoleUi ui;
    private final Stage stage;
    private final ConsoleEnvironment env;
    private final Background background;
    private final Clock clock;
    private final String version;
    private KeyUi keys;
    private DialogService dialogs;
    /** The last New approval, until it creates something: closed unsent, its text comes back at the next Ctrl+N. */
    private CreateApprovalViewModel unsentDraft;
    /** The connection that draft was typed for: another connection's server never gets it. */
    private String unsentDraftConnection;
    /** Comments typed into a decision and left unsent, by approval id, until the approval is decided. */
    private final java.util.Map<String, String> unsentComments = new java.util.HashMap<>();

    /** The decision and create dialogs are loaded once and shown again for each approval (ReusedDialog). */
    private final ReusedDialog<DecisionController, DecisionViewModel> decisionDialog =
            new ReusedDialog<>(FxmlView.DECISION, DecisionController::use);

    private final ReusedDialog<CreateApprovalController, CreateApprovalViewModel> createDialog =
            new ReusedDialog<>(FxmlView.CREATE_APPROVAL, CreateApprovalController::use);

    MainDialogs(ConsoleUi ui, Stage stage, ConsoleEnvironment env, Background background, Clock clock, String version) {
        this.ui = ui;
        this.stage = stage;
        this.env = env;
        this.background = background;
        this.clock = clock;
        this.version = version;
    }

    void newApproval() {
        MainView main = ui.mainView();
        ConsoleSession session = ui.session();
        if (main == null) {
            return;
        }
        Stage showing = dialogs().showing("create");
        if (showing != null) {
            showing.toFront(); // one at a time, and what is typed there stays
            showing.requestFocus();
            return;
        }
        ApprovalsViewModel vm = main.viewModel();
        CreateApprovalViewModel dvm = newDraft(session);
        if (unsentDraft != null
                && unsentDraft.hasTyped()
                && session.connectionName().equals(unsentDraftConnection)) {
            // closed unsent (Esc, or Cancel to replace a refused key): what was typed comes back
            dvm.takeTypedFrom(unsentDraft);
        } else if (session.key() != null && session.key().owner() != null) {
            dvm.requesterProperty().set(session.key().owner());
        }
        unsentDraft = dvm;
        unsentDraftConnection = session.connectionName();
        dvm.suggestFrom(vm.rows().stream().map(ApprovalRow::approval).toList());
        createDialog.show(dialogs(), dvm, this::createController);
    }

    /**
     * Loads the decision and create dialogs ahead of their first use, each with a view model that is never shown
     * (bench "interaction": reading their FXML was 20-60 ms of the first A or Ctrl+N). Call on the UI thread once
     * rows show; a dialog already loaded is left as it is.
     */
    void prepareDecisionAndCreate() {
        MainView main = ui.mainView();
        ConsoleSession session = ui.session();
        if (main == null || session == null || main.viewModel().rows().isEmpty()) {
            return;
        }
        Approval any = main.viewModel().rows().get(0).approval();
        decisionDialog.prepare(
                new DecisionViewModel(session.api(), background, any, ApprovalStatus.APPROVED),
                this::decisionController);
        createDialog.prepare(newDraft(session), this::createController);
    }

    private CreateApprovalViewModel newDraft(ConsoleSession session) {
        return new CreateApprovalViewModel(session.api(), background, clock.withZone(ZoneId.systemDefault()));
    }

    private CreateApprovalController createController(CreateApprovalViewModel m) {
        return new CreateApprovalController(m, this::created, this::trouble);
    }

    private DecisionController decisionController(DecisionViewModel m) {
        return new DecisionController(m, clock, this::replace, this::trouble);
    }

    /** A created approval into the main window's list, selected (whichever main view shows now). */
    private void created(Approval created) {
        unsentDraft = null;
        MainView main = ui.mainView();
        if (main != null) {
            main.viewModel().reportAnswered();
            main.viewModel().added(created);
            main.select(created.id());
        }
    }

    void decide(List<ApprovalRow> rows, ApprovalStatus decision) {
        MainView main = ui.mainView();
        ConsoleSession session = ui.session();
        if (main == null || rows.isEmpty()) {
            return;
        }
        ApprovalsViewModel vm = main.viewModel();
        List<Approval> pending = vm.pendingOf(rows);
        if (pending.isEmpty()) {
            return;
        }
        if (pending.size() == 1) {
            String id = pending.get(0).id();
            DecisionViewModel dvm = new DecisionViewModel(session.api(), background, pending.get(0), decision);
            // a comment typed and left unsent (Esc, or Cancel to replace a refused key) is there again next time
            String kept = unsentComments.get(id);
            if (kept != null) {
                dvm.commentProperty().set(kept);
            }
            dvm.commentProperty().addListener((o, was, now) -> {
                if (now == null || now.isBlank()) {
                    unsentComments.remove(id);
                } else {
                    unsentComments.put(id, now);
                }
            });
            decisionDialog.show(dialogs(), dvm, this::decisionController);
        } else {
            BulkDecisionViewModel bvm = new BulkDecisionViewModel(session.api(), background, pending, decision);
            MainView shown = main;
            dialogs()
                    .show(
                            FxmlView.BULK_DECISION,
                            new BulkDecisionController(bvm, vm::replace, this::trouble, shown::selectAll));
        }
    }

    /** A decided approval (or one someone else decided first) into the main window's list, whichever it is now. */
    private void replace(Approval decided) {
        unsentComments.remove(decided.id());
        MainView main = ui.mainView();
        if (main != null) {
            main.viewModel().reportAnswered();
            main.viewModel().replace(decided);
        }
    }

    /** A dialog hit 401/403/offline: the main window shows the same banner a refresh would. */
    private void trouble(Throwable e) {
        MainView main = ui.mainView();
        if (main != null
                && (e instanceof io.approvals.console.client.ApiException.Unauthorized
                        || e instanceof io.approvals.console.client.ApiException.Network)) {
            main.viewModel().reportFailure(e);
        }
    }

    void replaceKey() {
        ConsoleSession session = ui.session();
        if (session == null) {
            return;
        }
        dialogs()
                .show(
                        FxmlView.REPLACE_KEY,
                        new ReplaceKeyController(env, background, session.connectionName(), replaced -> {
                            KeyWatch watch = ui.keyWatch().orElse(null);
                            if (watch != null) {
                                watch.look(
                                        KeyWatch.Cause
                                                .KEY_WINDOW); // the same window takes the new key: filters, drafts stay
                            } else {
                                ui.showMain(replaced);
                            }
                        }));
    }

    void keyPanel() {
        ConsoleSession session = ui.session();
        if (session != null) {
            String name = session.connectionName();
            keys().showKeyPanel(stage, env.keyService(name), name, this::keyChanged, this::keyVerified);
        }
    }

    void keyAdmin() {
        ConsoleSession session = ui.session();
        if (session != null) {
            String name = session.connectionName();
            keys().showAdmin(stage, env.keyService(name), name);
        }
    }

    /** A replaced or rotated key: the main window takes it, keeping its list, filters and selection. */
    private void keyChanged(String connection) {
        ConsoleSession session = ui.session();
        KeyWatch watch = ui.keyWatch().orElse(null);
        if (session != null && connection.equals(session.connectionName())) {
            if (watch != null) {
                watch.look(KeyWatch.Cause.KEY_WINDOW);
            } else {
                ui.open(connection);
            }
        }
    }

    /** The key window's Verify now: the main window takes the key the keychain holds, and its banner follows. */
    private void keyVerified(String connection) {
        ConsoleSession session = ui.session();
        KeyWatch watch = ui.keyWatch().orElse(null);
        if (watch != null && session != null && connection.equals(session.connectionName())) {
            watch.verifiedElsewhere();
        }
    }

    private KeyUi keys() {
        if (keys == null) {
            keys = new KeyUi(background, clock)
                    .theme(() -> ui.uiSettings().theme())
                    .dialogs(dialogs());
        }
        return keys;
    }

    /** The one way this window shows dialogs (owner, modality, size, keys). */
    DialogService dialogs() {
        if (dialogs == null) {
            dialogs = new DialogService(stage, () -> ui.uiSettings().theme());
        }
        return dialogs;
    }

    void settings() {
        ConsoleSession session = ui.session();
        if (session == null) {
            openSettings(null, false);
            return;
        }
        ConsoleSession current = session;
        background.run(
                () -> env.connection(current.connectionName()),
                draft -> openSettings(draft, !current.isSandbox()),
                e -> openSettings(null, false));
    }

    private void openSettings(ConnectionDraft connection, boolean editable) {
        dialogs()
                .show(FxmlView.SETTINGS, new SettingsController(ui.uiSettings(), connection, editable, (s, changed) -> {
                    boolean newLanguage = !java.util.Objects.equals(
                            s.language(), ui.uiSettings().language());
                    ui.useSettings(s);
                    MainView main = ui.mainView();
                    if (main != null) {
                        main.viewModel().refreshSecondsProperty().set(s.refreshSeconds());
                        main.viewModel().notificationsOnProperty().set(s.notifications());
                    }
                    background.run(
                            () -> {
                                env.saveSettings(s);
                                return null;
                            },
                            x -> {},
                            e -> {});
                    if (changed != null) {
                        ui.setRoot(ConsoleUi.busy(Messages.format("main.openingWithNewSettings", changed.name())));
                        background.run(() -> env.updateConnection(changed), ui::showMain, e -> {
                            showError(Messages.format(
                                    "main.connectionNotChanged",
                                    io.approvals.console.ui.common.FailureLine.of(ConsoleUi.causeOf(e))));
                            if (ui.session() != null) {
                                ui.showMain(ui.session());
                            }
                        });
                    } else if (newLanguage && ui.session() != null) {
                        ui.showMain(ui.session()); // the main window is built in code: built again, in the new language
                    }
                }));
    }

    private void showError(String text) {
        dialogs().show(FxmlView.MESSAGE, new MessageController(null, null, text));
    }

    /** The banner's Details: through the dialog service like every dialog (sized, Esc, one at a time). */
    void failureDetails(String details) {
        dialogs().show(FxmlView.FAILURE_DETAILS, new FailureDetailsController(details, "bannerDetailsText"));
    }

    void about() {
        dialogs()
                .show(
                        FxmlView.MESSAGE,
                        new MessageController(
                                Messages.get("main.about.title"),
                                ConsoleUi.TITLE + " " + version,
                                Messages.get("main.about.text")));
    }

    /** A key copied from a key window leaves the clipboard when the app quits (if it is still there). */
    void clearCopiedKey() {
        if (keys != null) {
            keys.onQuit();
        }
    }
}
