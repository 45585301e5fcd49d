package io.approvals.console.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The negative and boundary cases ApiKey's security rests on, each limit from both sides: different keys
 * never match, the header-safe character range, the length limits, the base62 alphabet, the masking
 * threshold. Written against the survivors of a PIT run (docs/reliability.md, "Mutation testing").
 */
class ApiKeyBoundsTest {
    /** 32 characters that differ from TestKeys.CANARY_BODY in the last one only. */
    private static final String NEIGHBOUR_BODY = TestKeys.CANARY_BODY.substring(0, 31) + "e";

    @Test
    void differentKeysNeverMatchNorEqual() {
        ApiKey a = TestKeys.canary();
        ApiKey b = TestKeys.withChecksum(NEIGHBOUR_BODY);
        assertThat(a.matches(b)).isFalse();
        assertThat(b.matches(a)).isFalse();
        assertThat(a).isNotEqualTo(b);
        assertThat(ApiKey.of("opaque-token-one")).isNotEqualTo(ApiKey.of("opaque-token-two"));
        assertThat(a.matches(null)).isFalse();
        assertThat(a.equals(null)).isFalse();
        assertThat(a.equals(a.reveal()))
                .as("a String with the same text is not a key")
                .isFalse();
    }

    @Test
    void theSameSecretMatchesAndEqualsWithTheSameHash() {
        ApiKey a = TestKeys.canary();
        ApiKey again = ApiKey.of(" " + a.reveal() + "\t");
        assertThat(a.matches(again)).isTrue();
        assertThat(a).isEqualTo(again).hasSameHashCodeAs(again);
    }

    @Test
    void hashCodesSpreadOverDifferentKeys() {
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            hashes.add(TestKeys.random().hashCode());
        }
        assertThat(hashes).hasSizeGreaterThan(45);
    }

    @Test
    void lengthLimitFromBothSides() {
        assertThat(ApiKey.of("x".repeat(ApiKey.MAX_LENGTH)).reveal()).hasSize(8192);
        assertThatThrownBy(() -> ApiKey.of("x".repeat(ApiKey.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The key is too long (8193 characters).");
        // white space around a key does not count towards the limit
        assertThat(ApiKey.of("  " + "x".repeat(ApiKey.MAX_LENGTH) + "  ").reveal())
                .hasSize(8192);
    }

    @Test
    void emptyAndNullAreRefused() {
        assertThatThrownBy(() -> ApiKey.of((String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The key is empty.");
        assertThatThrownBy(() -> ApiKey.of("")).hasMessage("The key is empty.");
        assertThatThrownBy(() -> ApiKey.of(" \n\t ")).hasMessage("The key is empty.");
        assertThat(ApiKey.of("k").reveal()).isEqualTo("k");
    }

    @Test
    void printableAsciiBoundsFromBothSides() {
        // 0x21 '!' and 0x7e '~' are the ends of what an HTTP header can carry; 0x20 and 0x7f are outside
        assertThat(ApiKey.of("ab!cd").reveal()).isEqualTo("ab!cd");
        assertThat(ApiKey.of("ab~cd").reveal()).isEqualTo("ab~cd");
        assertThat(ApiKey.of("!~").reveal()).isEqualTo("!~");
        assertThatThrownBy(() -> ApiKey.of("ab cd"))
                .hasMessage("The key contains a character that cannot be sent (position 3).");
        assertThatThrownBy(() -> ApiKey.of("abc\u007fd"))
                .hasMessage("The key contains a character that cannot be sent (position 4).");
        assertThatThrownBy(() -> ApiKey.of("\u00e9abc"))
                .hasMessage("The key contains a character that cannot be sent (position 1).");
        assertThatThrownBy(() -> ApiKey.of("abc\u0000")).hasMessageContaining("position 4");
    }

    @Test
    void charArrayInputIsTheSameAsText() {
        ApiKey key = TestKeys.canary();
        assertThat(ApiKey.of(key.reveal().toCharArray())).isEqualTo(key);
        assertThatThrownBy(() -> ApiKey.of(new char[] {' ', ' '})).hasMessage("The key is empty.");
    }

    @Test
    void generateUsesTheWholeBase62AlphabetAndAValidChecksum() {
        // a random source that always answers its bound minus one: the last letter of the alphabet
        Set<Integer> bounds = new HashSet<>();
        SecureRandom last = new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                bounds.add(bound);
                return bound - 1;
            }
        };
        ApiKey key = ApiKey.generate(last);
        assertThat(bounds).containsExactly(62);
        assertThat(key.reveal()).startsWith("apv_" + "z".repeat(32)).hasSize(ApiKey.LENGTH);
        assertThat(key.format()).isEqualTo(ApiKey.Format.VALID);
        assertThat(key.reveal().substring(36)).isEqualTo(ApiKey.checksum("apv_" + "z".repeat(32)));
    }

    @Test
    void checksumIsSixBase62CharactersOfTheCrc() {
        assertThat(ApiKey.LENGTH).isEqualTo(42);
        // independently computed: CRC-32("apv_" + 32 x 'z') in base62, most significant first
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(("apv_" + "z".repeat(32)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long v = crc.getValue();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] expected = new char[6];
        for (int i = 5; i >= 0; i--) {
            expected[i] = alphabet.charAt((int) (v % 62));
            v /= 62;
        }
        assertThat(ApiKey.checksum("apv_" + "z".repeat(32)))
                .isEqualTo(new String(expected))
                .hasSize(6);
    }

    @Test
    void lengthOfAnApvKeyFromBothSides() {
        String good = TestKeys.canaryText();
        assertThat(ApiKey.formatOf(good)).isEqualTo(ApiKey.Format.VALID);
        assertThat(ApiKey.formatOf(good.substring(0, 41))).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.formatOf(good + "A")).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.formatOf("apv_")).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.formatOf(null)).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.formatOf("  " + good + "\n")).isEqualTo(ApiKey.Format.VALID);
        assertThat(ApiKey.formatOf("APV_" + good.substring(4))).isEqualTo(ApiKey.Format.OPAQUE);
    }

    @Test
    void aCharacterOutsideBase62IsMalformedNotATypoAtEveryEnd() {
        String good = TestKeys.canaryText();
        for (int pos : new int[] {4, 20, 35, 36, 41}) {
            for (char bad : new char[] {'-', '_', '/', '+', '!'}) {
                String s = good.substring(0, pos) + bad + good.substring(pos + 1);
                assertThat(ApiKey.formatOf(s)).as("%s at %d", bad, pos).isEqualTo(ApiKey.Format.MALFORMED);
            }
        }
        // the checksum part is compared exactly: one changed checksum character is a typo
        String typo = good.substring(0, 41) + (good.charAt(41) == 'A' ? 'B' : 'A');
        assertThat(ApiKey.formatOf(typo)).isEqualTo(ApiKey.Format.BAD_CHECKSUM);
    }

    @Test
    void onlyValidAndOpaqueKeysArePlausible() {
        assertThat(TestKeys.canary().isPlausible()).isTrue();
        assertThat(ApiKey.of("eyJhbGciOiJIUzI1NiJ9.opaque").isPlausible()).isTrue();
        assertThat(ApiKey.of(TestKeys.withBadChecksum()).isPlausible()).isFalse();
        assertThat(ApiKey.of("apv_tooShort").isPlausible()).isFalse();
        assertThat(ApiKey.of("apv_tooShort").format()).isEqualTo(ApiKey.Format.MALFORMED);
        assertThat(ApiKey.of(TestKeys.withBadChecksum()).format()).isEqualTo(ApiKey.Format.BAD_CHECKSUM);
    }

    @Test
    void hintsShowFromSixteenCharactersOnly() {
        ApiKey fifteen = ApiKey.of("abcdefghijklmno");
        ApiKey sixteen = ApiKey.of("abcdefghijklmnop");
        assertThat(fifteen.prefix()).isEmpty();
        assertThat(fifteen.last4()).isEmpty();
        assertThat(fifteen.masked()).isEqualTo("\u2022".repeat(6));
        assertThat(fifteen.maskedForDisplay()).isEqualTo("\u2022".repeat(6));
        assertThat(sixteen.prefix()).isEqualTo("abcdefgh");
        assertThat(sixteen.last4()).isEqualTo("mnop");
        assertThat(sixteen.masked()).isEqualTo("abcdefgh\u2026mnop");
        assertThat(sixteen.maskedForDisplay()).isEqualTo("abcdefgh \u2022\u2022\u2022\u2022 mnop");
        assertThat(sixteen.toString()).isEqualTo(sixteen.masked());
    }

    @Test
    void digestIsTheSha256OfTheSecretAndCannotBeChangedFromOutside() {
        // SHA-256("abc"), FIPS 180-2 test vector
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        ApiKey key = ApiKey.of("abc");
        assertThat(key.sha256Hex()).isEqualTo(abc);
        assertThat(key.fingerprint()).isEqualTo("ba7816bf");
        assertThat(java.util.HexFormat.of().formatHex(ApiKey.sha256("abc"))).isEqualTo(abc);
        byte[] copy = key.sha256();
        copy[0] ^= 1;
        assertThat(key.sha256Hex()).isEqualTo(abc);
        assertThat(key.matches(ApiKey.of("abc"))).isTrue();
    }
}
