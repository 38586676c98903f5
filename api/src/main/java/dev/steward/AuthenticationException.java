package dev.steward;

/**
 * The auth-key handshake failed: the node and the client do not hold the same key, or the peer is
 * not a Steward node or client. No object on the node is reachable without passing it; the
 * handshake is a mutual HMAC-SHA256 challenge, so neither side sends the key itself.
 */
public class AuthenticationException extends StewardException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which peer failed to authenticate and how to fix it
     */
    public AuthenticationException(String message) {
        super(message);
    }
}
