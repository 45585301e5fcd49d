package io.approvals.console.ui.session;

import io.approvals.console.service.KeyAttention;
import java.util.Optional;

/**
 * What a look at the keychain for an open connection found (see {@link ConsoleEnvironment#lookAtKey}).
 *
 * @param switched  the session with its new key when the stored key differs from the one in use (its client is the
 *                  same object, now sending the new key); empty when the key is the same
 * @param settled   what settling a half-done rotation did, to say once; or null
 * @param attention what stays wrong about the key until someone acts; or null
 */
public record KeyLook(Optional<ConsoleSession> switched, String settled, KeyAttention attention) {

    public static KeyLook nothing() {
        return new KeyLook(Optional.empty(), null, null);
    }
}
