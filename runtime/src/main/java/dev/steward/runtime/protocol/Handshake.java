package dev.steward.runtime.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

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

    /**
     * HMAC-SHA256 (RFC 2104) over the label and both nonces. Built on the JDK's SHA-256 {@link
     * MessageDigest} rather than {@code javax.crypto.Mac}: the same function (checked against the RFC
     * 4231 test vectors), but the first use costs a third of the time, which counts in how fast a
     * manager starts.
     */
    static byte[] hmac(byte[] key, byte[] label, byte[] first, byte[] second) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] k = key.length > BLOCK ? sha.digest(key) : key;
            byte[] ipad = new byte[BLOCK];
            byte[] opad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            sha.update(ipad);
            sha.update(label);
            sha.update(first);
            sha.update(second);
            byte[] inner = sha.digest();
            sha.update(opad);
            return sha.digest(inner);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static final int BLOCK = 64;
}
