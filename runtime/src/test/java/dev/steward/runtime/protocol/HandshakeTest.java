package dev.steward.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The handshake's HMAC-SHA256 against RFC 4231's test vectors and the JDK's own Mac. */
class HandshakeTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return Handshake.hmac(key, new byte[0], data, new byte[0]);
    }

    @Test
    void rfc4231TestVectors() {
        // test case 1
        assertThat(hmac(hex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        // test case 2
        assertThat(hmac(
                        "Jefe".getBytes(StandardCharsets.US_ASCII),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        // test case 6: a key longer than the block is hashed first
        assertThat(hmac(
                        hex("aa".repeat(131)),
                        "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    @Test
    void agreesWithTheJdksMacForTheHandshakesInputs() throws Exception {
        byte[] key = Handshake.newAuthKey();
        byte[] a = Handshake.nonce();
        byte[] b = Handshake.nonce();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update("steward-node-proof".getBytes(StandardCharsets.US_ASCII));
        mac.update(a);
        mac.update(b);
        assertThat(Handshake.nodeProof(key, a, b)).isEqualTo(mac.doFinal());
        assertThat(Handshake.matches(Handshake.clientProof(key, b, a), Handshake.clientProof(key, b, a)))
                .isTrue();
        assertThat(Handshake.matches(Handshake.clientProof(key, b, a), Handshake.nodeProof(key, b, a)))
                .isFalse();
        assertThat(Handshake.matches(Handshake.clientProof(key, b, a), null)).isFalse();
    }
}
