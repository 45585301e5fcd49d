package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.keys.ClipboardGuard;
import io.approvals.console.ui.keys.ConfirmTypedController;
import io.approvals.console.ui.keys.IssueKeyController;
import io.approvals.console.ui.keys.KeyAdminController;
import io.approvals.console.ui.keys.KeyAdminViewModel;
import io.approvals.console.ui.keys.KeyPanelViewModel;
import io.approvals.console.ui.keys.KeyReplaceController;
import io.approvals.console.ui.keys.KeyRow;
import io.approvals.console.ui.keys.KeySecrets;
import io.approvals.console.ui.keys.KeyWindowController;
import io.approvals.console.ui.keys.RegenerateController;
import io.approvals.console.ui.keys.RevealConfirmController;
import io.approvals.console.ui.keys.SecretClipboard;
import io.approvals.console.ui.keys.ShowOnceController;
import io.approvals.console.ui.keys.Timers;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every dialog of the app, opened with the longest texts it can meet (200-character titles, long names, long
 * messages), for the layout and bundle tests. Nothing is sent: the API is never called.
 */
public final class DialogCatalog {
    public static final String LONG_TITLE = ("Replace the ageing storage array in the second data centre before the "
                    + "warranty ends, including migration of every tenant volume, the backup appliances and the network gear "
                    + "in both sites, with a weekend of downtime agreed with every business unit in advance")
            .substring(0, 200);
    public static final String LONG_NAME = "maximiliane.oberhuber-schwarzenberg@finance-department.example.com";
    public static final String LONG_PROFILE = "production-eu-central-finance-department-approvals";
    public static final String LONG_DESCRIPTION =
            ("The array is out of support from March; quotes from three vendors are "
                            + "attached; the cheapest one needs a second rack. ")
                    .repeat(30);
    public static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private DialogCatalog() {}

    /** Data the dialogs show as it is (not from a bundle). */
    public static List<String> data() {
        return List.of(
                LONG_TITLE,
                LONG_NAME,
                LONG_PROFILE,
                LONG_DESCRIPTION,
                "not an email address at all",
                "garbage key",
                LONG_PROFILE + "-0",
                new SessionOnlyStore().backendName());
    }

    public static Approval approval(int i) {
        return new Approval(
                "id-" + i,
                i == 0 ? LONG_TITLE : LONG_TITLE.substring(0, 120) + " #" + i,
                LONG_DESCRIPTION,
                LONG_NAME,
                LONG_NAME,
                Priority.URGENT,
                NOW.plus(Duration.ofHours(30)),
                ApprovalStatus.PENDING,
                NOW.minus(Duration.ofDays(3)),
                NOW,
                null,
                null,
                null,
                7);
    }

    /** Name → opens that dialog through the service and returns its controller. */
    public static Map<String, Function<DialogService, DialogController>> all() {
        ApprovalsApi api = null;
        DirectBackground bg = new DirectBackground();
        Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));
        Map<String, Function<DialogService, DialogController>> m = new LinkedHashMap<>();
        m.put("create", s -> {
            CreateApprovalViewModel vm = new CreateApprovalViewModel(api, bg, clock);
            vm.requesterProperty().set(LONG_NAME);
            vm.titleProperty().set(LONG_TITLE);
            vm.descriptionProperty().set(LONG_DESCRIPTION);
            vm.approverProperty().set("not an email address at all");
            vm.dueDateProperty().set(LocalDate.of(2020, 1, 1));
            return s.show(FxmlView.CREATE_APPROVAL, new CreateApprovalController(vm, a -> {}, e -> {}));
        });
        m.put(
                "decide",
                s -> s.show(
                        FxmlView.DECISION,
                        new DecisionController(
                                new DecisionViewModel(api, bg, approval(0), ApprovalStatus.APPROVED),
                                clock,
                                a -> {},
                                e -> {})));
        m.put("reject", s -> {
            DecisionViewModel vm = new DecisionViewModel(api, bg, approval(0), ApprovalStatus.REJECTED);
            DecisionController c = s.show(FxmlView.DECISION, new DecisionController(vm, clock, a -> {}, e -> {}));
            vm.commentProperty().set("x");
            vm.commentProperty().set(""); // touched: the "comment is required" message shows
            return c;
        });
        m.put("bulk", s -> {
            List<Approval> items = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                items.add(approval(i));
            }
            return s.show(
                    FxmlView.BULK_DECISION,
                    new BulkDecisionController(
                            new BulkDecisionViewModel(api, bg, items, ApprovalStatus.REJECTED), a -> {}, e -> {}));
        });
        m.put("replace-key", s -> {
            ReplaceKeyController c =
                    s.show(FxmlView.REPLACE_KEY, new ReplaceKeyController(null, bg, LONG_PROFILE, x -> {}));
            c.key.setText(" garbage key");
            return c;
        });
        m.put(
                "settings",
                s -> s.show(
                        FxmlView.SETTINGS,
                        new SettingsController(
                                new UiSettings(60, UiSettings.ThemeChoice.SYSTEM, "de"),
                                new ConnectionDraft(
                                        LONG_PROFILE,
                                        "https://approvals.finance-department.example.com:8443/api/v2",
                                        false,
                                        "X-API-Key",
                                        Path.of("/etc/ssl/certs/finance-department-private-ca.pem")),
                                false,
                                (a, b) -> {})));
        m.put("reveal", s -> s.show(FxmlView.REVEAL_CONFIRM, new RevealConfirmController(LONG_PROFILE, 10, () -> {})));
        m.put(
                "regenerate",
                s -> s.show(FxmlView.REGENERATE, new RegenerateController(LONG_PROFILE, LONG_PROFILE, false, g -> {})));
        m.put(
                "regenerate-manual",
                s -> s.show(FxmlView.REGENERATE, new RegenerateController(LONG_PROFILE, LONG_PROFILE, true, g -> {})));
        m.put(
                "show-once",
                s -> s.show(
                        FxmlView.SHOW_ONCE,
                        new ShowOnceController(
                                LONG_TITLE, issued(), new ClipboardGuard(new NoClipboard(), (d, a) -> () -> {}))));
        m.put(
                "revoke",
                s -> s.show(
                        FxmlView.CONFIRM_TYPED,
                        KeyAdminController.revokeConfirmation(
                                KeyRow.of(keyMetadata(0, KeyStatus.ACTIVE), NOW, ZoneId.of("Europe/Berlin")),
                                () -> {})));
        m.put(
                "expire-now",
                s -> s.show(
                        FxmlView.CONFIRM_TYPED,
                        KeyAdminController.expireConfirmation(
                                KeyRow.of(keyMetadata(0, KeyStatus.ACTIVE), NOW, ZoneId.of("Europe/Berlin")),
                                new KeySecrets.Secret("apv_7Hq2\u2026x9Qa", false, NOW.plusSeconds(86_400), false),
                                3,
                                TimeText.moment(NOW.plusSeconds(86_400), NOW, ZoneId.of("Europe/Berlin")),
                                () -> {})));
        m.put(
                "revoke-long",
                s -> s.show(
                        FxmlView.CONFIRM_TYPED,
                        new ConfirmTypedController(
                                LONG_PROFILE,
                                LONG_TITLE,
                                LONG_DESCRIPTION.substring(0, 600),
                                LONG_PROFILE,
                                LONG_PROFILE,
                                () -> {})));
        m.put("key-window", s -> {
            KeyPanelViewModel vm = new KeyPanelViewModel(
                    service(),
                    LONG_PROFILE,
                    bg,
                    (d, a) -> () -> {},
                    new ClipboardGuard(new NoClipboard(), (d, a) -> () -> {}),
                    clock,
                    p -> {});
            KeyWindowController c = s.show(FxmlView.KEY_WINDOW, new KeyWindowController(vm, () -> {}, s));
            vm.load(); // no key stored: the long "no key" message
            vm.clipboard().copy(ApiKey.generate(new SecureRandom())); // the clipboard line with its countdown
            return c;
        });
        m.put("key-replace", s -> {
            KeyPanelViewModel vm = new KeyPanelViewModel(
                    service(),
                    LONG_PROFILE,
                    bg,
                    (d, a) -> () -> {},
                    new ClipboardGuard(new NoClipboard(), (d, a) -> () -> {}),
                    clock,
                    p -> {});
            KeyReplaceController c = s.show(FxmlView.KEY_REPLACE, new KeyReplaceController(vm));
            ((javafx.scene.control.TextInputControl) c.root().lookup("#replaceKeyInput")).setText(" garbage key");
            return c;
        });
        m.put("admin", s -> {
            KeyAdminViewModel vm = new KeyAdminViewModel(new KeyAdmin(service(), LONG_PROFILE), bg, clock);
            KeyAdminController c = s.show(
                    FxmlView.KEY_ADMIN,
                    new KeyAdminController(vm, new ClipboardGuard(new NoClipboard(), (d, a) -> () -> {}), s, clock));
            List<KeyMetadata> keys = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                keys.add(keyMetadata(i, i == 1 ? KeyStatus.REVOKED : KeyStatus.ACTIVE));
            }
            List<AuditEntry> audit = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                audit.add(new AuditEntry(
                        NOW.minus(Duration.ofMinutes(i)),
                        new AuditEntry.Actor("k0", LONG_NAME),
                        AuditEntry.KEY_REGENERATED,
                        "k0",
                        "old secret apv_Ab3d\u2026x9Qa valid until " + NOW.plus(Duration.ofHours(20 + i)) + "; "
                                + LONG_DESCRIPTION.substring(0, 200)));
            }
            vm.show(keys, audit);
            vm.selectedProperty().set(vm.keys().get(0));
            return c;
        });
        m.put("issue-key", s -> s.show(FxmlView.ISSUE_KEY, new IssueKeyController(clock, (a, b, c, d) -> {})));
        m.put(
                "failure-details",
                s -> s.show(
                        FxmlView.FAILURE_DETAILS,
                        new FailureDetailsController(
                                String.join(
                                        "\n",
                                        "HTTP status: 500",
                                        "Request id (X-Request-Id): 9f2c4b1e-5d3a-4c6f-8e21-" + "0".repeat(40),
                                        "Trace id: 00-5f1c3a9e2b7d4c8f9a0b1c2d3e4f5a6b-0123456789abcdef-01",
                                        "Field Title: " + LONG_DESCRIPTION.substring(0, 300)),
                                null)));
        m.put(
                "message",
                s -> s.show(
                        FxmlView.MESSAGE,
                        new MessageController(
                                null,
                                io.approvals.console.ui.common.Messages.format("main.keyNotice.heading", LONG_PROFILE),
                                LONG_DESCRIPTION.substring(0, 300))));
        return m;
    }

    static KeyMetadata keyMetadata(int i, KeyStatus status) {
        return new KeyMetadata(
                "k" + i,
                LONG_PROFILE + "-" + i,
                LONG_NAME,
                "apv_Ab3d",
                "x9Qa",
                List.of("read", "write", "admin"),
                NOW.minus(Duration.ofDays(40)),
                i % 2 == 0 ? null : NOW,
                NOW.plus(Duration.ofDays(i + 2)),
                status);
    }

    /** A connection service on a throw-away folder with no key stored: nothing is ever sent. */
    static ConnectionService service() {
        try {
            Path root = java.nio.file.Files.createTempDirectory("dialog-catalog");
            ConnectionService service = new ConnectionService(
                    new ConnectionStore(AppPaths.under(root)), new SessionOnlyStore(), new HttpClientFactory());
            service.addProfile(
                    LONG_PROFILE,
                    "https://approvals.finance-department.example.com:8443/api/v2",
                    AuthMode.API_KEY,
                    null,
                    null);
            return service;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static IssuedKey issued() {
        ApiKey key = ApiKey.generate(new SecureRandom());
        return new IssuedKey(
                key,
                new KeyMetadata(
                        "k1",
                        LONG_PROFILE,
                        LONG_NAME,
                        "apv_",
                        "abcd",
                        List.of("read", "write", "admin"),
                        NOW,
                        null,
                        null,
                        KeyStatus.values()[0]));
    }

    private static final class NoClipboard implements SecretClipboard {
        @Override
        public void putSecret(ApiKey key) {}

        @Override
        public boolean holds(ApiKey key) {
            return false;
        }

        @Override
        public void clear() {}
    }

    @SuppressWarnings("unused")
    private static Timers timers() {
        return (d, a) -> () -> {};
    }
}
