package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.service.KeyAttention;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyLook;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the main window looks at the keychain, and what it does with what it finds: against the sandbox over HTTP,
 * with an environment whose keychain look the test decides.
 */
class KeyWatchTest {
    @TempDir
    Path dir;

    UiSandbox server;
    MovableClock clock = new MovableClock(Instant.now());
    final AtomicInteger looks = new AtomicInteger();
    final AtomicInteger replaceKeyAsked = new AtomicInteger();
    KeyLook next = KeyLook.nothing();

    @BeforeEach
    void start() throws Exception {
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        server.create("New laptop for Dana", UiSandbox.OWNER, io.approvals.console.contract.Priority.NORMAL, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConsoleEnvironment env() {
        return (ConsoleEnvironment) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ConsoleEnvironment.class}, (p, m, args) -> {
                    if (m.getName().equals("lookAtKey")) {
                        looks.incrementAndGet();
                        return next;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private MainActions actions() {
        return (MainActions) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MainActions.class}, (p, m, args) -> {
                    if (m.getName().equals("replaceKey")) {
                        replaceKeyAsked.incrementAndGet();
                    }
                    return m.getReturnType() == List.class ? List.of() : null;
                });
    }

    @Test
    void aRejectedKeyMakesTheWindowLookAndAKeyFromAnotherProgramIsTakenInPlace() {
        ApiKey revoked = server.key("dana@example.com", "read", "write");
        ConsoleSession old = server.session(revoked, "dana@example.com", List.of("read", "write"));
        ApprovalsViewModel vm = new ApprovalsViewModel(old, new DirectBackground(), clock, null);
        KeyWatch watch = new KeyWatch(env(), new DirectBackground(), clock, vm, actions(), s -> {});
        vm.refresh();
        assertThat(vm.rows()).hasSize(1);
        vm.searchProperty().set("laptop");
        String id = server.admin().listAllKeys().stream()
                .filter(k -> "dana@example.com".equals(k.owner()))
                .findFirst()
                .orElseThrow()
                .id();
        server.admin().revokeKey(id);
        ApiKey fresh = server.key("dana@example.com", "read", "write");
        ConsoleSession withNewKey = server.session(fresh, "dana@example.com", List.of("read", "write"));
        next = new KeyLook(Optional.of(withNewKey), null, null);

        vm.refresh(); // 401

        assertThat(looks).hasValue(1);
        assertThat(vm.session()).isSameAs(withNewKey);
        assertThat(vm.bannerProperty().get())
                .as("fetched again with the new key")
                .isNull();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.searchProperty().get()).isEqualTo("laptop");
        assertThat(vm.keyStatus().noticeProperty().get())
                .isEqualTo("Key replaced from another program, fingerprint " + fresh.fingerprint());
        assertThat(vm.keyStatus().keyTextProperty().get())
                .contains(fresh.masked())
                .doesNotContain(fresh.reveal());
        assertThat(watch).isNotNull();
    }

    @Test
    void focusLooksAtMostOnceInFiveSecondsAndThePeriodicLookOnceAMinute() {
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), new DirectBackground(), clock, null);
        KeyWatch watch = new KeyWatch(env(), new DirectBackground(), clock, vm, actions(), s -> {});
        watch.windowFocused();
        watch.windowFocused();
        assertThat(looks).hasValue(1);
        clock.advance(KeyWatch.FOCUS_GAP);
        watch.windowFocused();
        assertThat(looks).hasValue(2);
        watch.periodic();
        assertThat(looks).as("a look just ran").hasValue(2);
        clock.advance(KeyWatch.PERIOD);
        watch.periodic();
        assertThat(looks).hasValue(3);
        watch.stop();
        clock.advance(KeyWatch.PERIOD);
        watch.periodic();
        assertThat(looks).as("a closed window no longer looks").hasValue(3);
    }

    @Test
    void whatNeedsAttentionBecomesTheKeyBannerWithTheActionThatFixesIt() {
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), new DirectBackground(), clock, null);
        KeyWatch watch = new KeyWatch(env(), new DirectBackground(), clock, vm, actions(), s -> {});
        next = new KeyLook(
                Optional.empty(),
                null,
                new KeyAttention(
                        "p",
                        KeyAttention.Kind.REFUSED,
                        "The server refused the stored key.",
                        "approvals-console key set --profile p",
                        null));
        watch.look(KeyWatch.Cause.ELSEWHERE);
        KeyAttentionBanner banner = vm.keyStatus().attentionProperty().get();
        assertThat(banner.text()).isEqualTo("The server refused the stored key.");
        assertThat(banner.actionLabel()).isEqualTo("Replace key\u2026");
        banner.action().run();
        assertThat(replaceKeyAsked).hasValue(1);

        next = new KeyLook(
                Optional.empty(),
                null,
                new KeyAttention(
                        "p",
                        KeyAttention.Kind.SUPERSEDED,
                        "The stored key is Expiring.",
                        "approvals-console key rotate --profile p --grace 1h",
                        Instant.now().plus(Duration.ofHours(1))));
        watch.look(KeyWatch.Cause.ELSEWHERE);
        assertThat(vm.keyStatus().attentionProperty().get().actionLabel()).isEqualTo("Rotate again now");

        next = new KeyLook(
                Optional.empty(),
                null,
                new KeyAttention(
                        "p",
                        KeyAttention.Kind.ROTATION_UNDER_WAY,
                        "A rotation is under way in another program.",
                        "",
                        null));
        watch.look(KeyWatch.Cause.ELSEWHERE);
        assertThat(vm.keyStatus().attentionProperty().get().actionLabel())
                .as("nothing to do but wait")
                .isNull();

        next = KeyLook.nothing();
        watch.look(KeyWatch.Cause.ELSEWHERE);
        assertThat(vm.keyStatus().attentionProperty().get())
                .as("resolved: the banner goes")
                .isNull();
    }
}
