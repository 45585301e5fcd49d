package io.approvals.console.ui.main;

import io.approvals.console.service.KeyAttention;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyLook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps one main window on the key its connection has in the keychain: looks (one keychain call, off the UI thread)
 * on a 401, when the window gets the focus, when the key window verified, replaced or rotated the key, and once a
 * minute (the caller's timer calls {@link #periodic()}). When another program stored another key, the window switches
 * to it in place (list, filters, sort, selection and open dialogs stay) and says so in the status bar; what needs
 * attention until resolved is shown as the key banner with the one action that fixes it. Called on the UI thread.
 */
public final class KeyWatch {
    /** The periodic look: at most once a minute. */
    public static final Duration PERIOD = Duration.ofSeconds(60);
    /** Focus changes come in bursts (dialogs, alt-tab): one look for them at most this often. */
    static final Duration FOCUS_GAP = Duration.ofSeconds(5);

    /** Why the window looks: it decides how the status bar names a new key. */
    public enum Cause {
        /** 401, focus, the periodic look, the key window's Verify now: a new key came from another program. */
        ELSEWHERE,
        /** The key window replaced or rotated the key. */
        KEY_WINDOW
    }

    private final ConsoleEnvironment env;
    private final Background background;
    private final Clock clock;
    private final ApprovalsViewModel vm;
    private final MainActions actions;
    private final Consumer<ConsoleSession> onSwitched;
    private boolean looking;
    private Cause again;
    private Instant lastLook;
    private boolean stopped;
    private boolean rotating;

    public KeyWatch(
            ConsoleEnvironment env,
            Background background,
            Clock clock,
            ApprovalsViewModel vm,
            MainActions actions,
            Consumer<ConsoleSession> onSwitched) {
        this.env = env;
        this.background = background;
        this.clock = clock;
        this.vm = vm;
        this.actions = actions;
        this.onSwitched = onSwitched;
        vm.setOnUnauthorized(() -> look(Cause.ELSEWHERE));
    }

    /** Looks now; a look asked for while one runs follows it. */
    public void look(Cause cause) {
        if (stopped) {
            return;
        }
        if (looking) {
            again = again == Cause.KEY_WINDOW ? again : cause;
            return;
        }
        looking = true;
        lastLook = clock.instant();
        ConsoleSession opened = vm.session();
        background.run(
                () -> env.lookAtKey(opened),
                found -> {
                    looking = false;
                    apply(found, cause);
                    next();
                },
                e -> {
                    looking = false; // the keychain is locked or gone: the next look tries again
                    next();
                });
    }

    private void next() {
        Cause c = again;
        again = null;
        if (c != null) {
            look(c);
        }
    }

    /** The window got the focus (back from a terminal, say). */
    public void windowFocused() {
        if (lastLook == null || !clock.instant().isBefore(lastLook.plus(FOCUS_GAP))) {
            look(Cause.ELSEWHERE);
        }
    }

    /** The once-a-minute timer; skipped when a look ran less than a minute ago anyway. */
    public void periodic() {
        if (lastLook == null || !clock.instant().isBefore(lastLook.plus(PERIOD).minusSeconds(1))) {
            look(Cause.ELSEWHERE);
        }
    }

    /** The key window verified the key: the main window looks, and a rejected-key pause ends if the key works. */
    public void verifiedElsewhere() {
        vm.keyConfirmed();
        look(Cause.ELSEWHERE);
    }

    public void stop() {
        stopped = true;
    }

    private void apply(KeyLook found, Cause cause) {
        if (stopped) {
            return;
        }
        found.switched().ifPresent(s -> {
            vm.keyReplaced(
                    s,
                    Messages.format(
                            cause == Cause.KEY_WINDOW ? "status.keyReplaced" : "status.keyReplacedElsewhere",
                            s.key().fingerprint()));
            onSwitched.accept(s);
        });
        if (found.settled() != null && found.switched().isEmpty()) {
            vm.keyStatus().setNotice(Messages.get("status.rotationSettled"));
        }
        if (!rotating) {
            vm.keyStatus().setAttention(banner(found.attention()));
        }
    }

    private KeyAttentionBanner banner(KeyAttention a) {
        if (a == null) {
            return null;
        }
        return switch (a.kind()) {
            case ROTATION_UNDER_WAY -> new KeyAttentionBanner(a.message(), null, null);
            case ROTATION_UNFINISHED ->
                new KeyAttentionBanner(a.message(), Messages.get("status.finishNow"), () -> look(Cause.ELSEWHERE));
            case SUPERSEDED ->
                new KeyAttentionBanner(a.message(), Messages.get("status.rotateAgain"), this::rotateAgain);
            case REFUSED -> new KeyAttentionBanner(a.message(), MainAction.REPLACE_KEY.text(), actions::replaceKey);
        };
    }

    /** The fix for a key left Expiring: a routine rotation (1 hour of grace), then the window takes the new key. */
    void rotateAgain() {
        if (rotating) {
            return;
        }
        rotating = true;
        String name = vm.session().connectionName();
        vm.keyStatus().setAttention(new KeyAttentionBanner(Messages.format("status.rotating", name), null, null));
        background.run(
                () -> new KeyRotation(env.keyService(name)).rotate(name, RotationGrace.ONE_HOUR),
                r -> {
                    rotating = false;
                    vm.keyStatus().setNotice(r.ok() ? null : r.message());
                    look(Cause.KEY_WINDOW);
                },
                e -> {
                    rotating = false;
                    vm.keyStatus()
                            .setAttention(new KeyAttentionBanner(
                                    Messages.format(
                                            "status.rotationNotStarted",
                                            io.approvals.console.ui.common.FailureLine.of(e)),
                                    Messages.get("status.rotateAgain"),
                                    this::rotateAgain));
                });
    }
}
