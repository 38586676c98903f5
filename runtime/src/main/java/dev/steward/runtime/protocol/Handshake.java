package dev.steward.runtime.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mutual auth-key challenge. Each side sends a fresh random nonce; each proves it holds the key
 * by returning an HMAC-SHA256 over both nonces, under a label of its role so that one side's proof
 * can never be replayed as the other's. Proofs are compared in constant time.
 */
public final class Handshake {
    /** Nonce length in bytes. */
    public static final int NONCE_BYTES = 32;

    private static final byte[] NODE_LABEL = "steward-node-proof".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_LABEL = "steward-client-proof".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {}

    /**
     * Makes a fresh nonce.
     *
     * @return random bytes
     */
    public static byte[] nonce() {
        byte[] n = new byte[NONCE_BYTES];
        RANDOM.nextBytes(n);
        return n;
    }

    /**
     * Makes a fresh auth key.
     *
     * @return 32 random bytes
     */
    public static byte[] newAuthKey() {
        return nonce();
    }

    /**
     * The node's proof: answers the client's nonce.
     *
     * @param key the auth key
     * @param clientNonce the client's nonce
     * @param nodeNonce the node's nonce
     * @return the proof
     */
    public static byte[] nodeProof(byte[] key, byte[] clientNonce, byte[] nodeNonce) {
        return hmac(key, NODE_LABEL, clientNonce, nodeNonce);
    }

    /**
     * The client's proof: answers the node's nonce.
     *
     * @param key the auth key
     * @param nodeNonce the node's nonce
     * @param clientNonce the client's nonce
     * @return the proof
     */
    public static byte[] clientProof(byte[] key, byte[] nodeNonce, byte[] clientNonce) {
        return hmac(key, CLIENT_LABEL, nodeNonce, clientNonce);
    }

    /**
     * Compares a received proof with the expected one in constant time.
     *
     * @param expected what the key produces
     * @param received what the peer sent
     * @return {@code true} if they are equal
     */
    public static boolean matches(byte[] expected, byte[] received) {
        return received != null && MessageDigest.isEqual(expected, received);
    }

    private static byte[] hmac(byte[] key, byte[] label, byte[] first, byte[] second) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(label);
            mac.update(first);
            mac.update(second);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
