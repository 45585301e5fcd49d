package io.approvals.console.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    /** A canary: if this string shows up anywhere it must not, a test fails. */
    static final String CANARY_RANDOM = "CANARYcanary0123456789ABCDEFabcd";

    @Test
    void generatedKeysHaveTheContractFormat() {
        ApiKey key = ApiKey.generate(new SecureRandom());
        assertThat(key.reveal()).hasSize(42).startsWith("apv_").matches("apv_[0-9A-Za-z]{38}");
        assertThat(key.format()).isEqualTo(ApiKey.Format.VALID);
    }

    @Test
    void checksumIsCrc32InBase62() {
        // CRC-32 of "apv_" + 32 zeros computed independently with zlib
        String body = "apv_" + "0".repeat(32);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder sb = new StringBuilder();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        while (v > 0) {
            sb.insert(0, alphabet.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sb.length() < 6) {
            sb.insert(0, '0');
        }
        assertThat(ApiKey.checksum(body)).isEqualTo(sb.toString());
        assertThat(ApiKey.formatOf(body + sb)).isEqualTo(ApiKey.Format.VALID);
    }

    @Test
    void aTypoIsCaughtByTheChecksum() {
        String good = ApiKey.generate(new SecureRandom()).reveal();
        char c = good.charAt(10);
        String typo = good.substring(0, 10) + (c == 'a' ? 'b' : 'a') + good.substring(11);
        assertThat(ApiKey.formatOf(typo)).isEqualTo(ApiKey.Format.BAD_CHECKSUM);
        assertThat(ApiKey.of(typo).isPlausible()).isFalse();
        assertThat(ApiKey.formatOf("apv_short")).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.formatOf("eyJhbGciOiJIUzI1NiJ9.opaque.token")).isEqualTo(ApiKey.Format.OPAQUE);
    }

    @Test
    void toStringIsMaskedAndNeverContainsTheSecret() {
        String raw = "apv_" + CANARY_RANDOM + ApiKey.checksum("apv_" + CANARY_RANDOM);
        ApiKey key = ApiKey.of(raw);
        assertThat(key.toString())
                .isEqualTo("apv_CANA\u2026" + raw.substring(38))
                .doesNotContain(CANARY_RANDOM);
        assertThat(key.maskedForDisplay()).isEqualTo("apv_CANA \u2022\u2022\u2022\u2022 " + raw.substring(38));
        assertThat(new IssuedKey(key, null).toString()).doesNotContain(CANARY_RANDOM);
        assertThat(key.fingerprint()).hasSize(8).matches("[0-9a-f]{8}");
    }

    @Test
    void shortTokensAreFullyMasked() {
        assertThat(ApiKey.of("secret12").toString()).doesNotContain("secret").doesNotContain("12");
    }

    @Test
    void refusesEmptyAndUnsendableTextWithoutEchoingIt() {
        assertThatThrownBy(() -> ApiKey.of("   ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ApiKey.of("apv_abc\ndef-secretpart")).hasMessageNotContaining("secretpart");
    }

    @Test
    void pastedWhitespaceIsTrimmed() {
        ApiKey key = ApiKey.generate(new SecureRandom());
        assertThat(ApiKey.of("  " + key.reveal() + "\n")).isEqualTo(key);
    }

    @Property(tries = 300)
    void everyGeneratedKeyValidatesAndEveryOneCharChangeIsCaught(
            @ForAll @AlphaChars @NumericChars @StringLength(1) String replacement) {
        ApiKey key = ApiKey.generate(new SecureRandom());
        String raw = key.reveal();
        int pos = 4 + new SecureRandom().nextInt(38);
        String changed = raw.substring(0, pos) + replacement + raw.substring(pos + 1);
        if (!changed.equals(raw)) {
            assertThat(ApiKey.formatOf(changed)).isEqualTo(ApiKey.Format.BAD_CHECKSUM);
        }
        assertThat(key.format()).isEqualTo(ApiKey.Format.VALID);
    }
}
