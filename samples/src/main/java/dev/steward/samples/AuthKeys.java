package dev.steward.samples;

import java.util.Base64;
import java.util.HexFormat;

/** Reads an auth key from the {@code STEWARD_AUTHKEY} environment variable, as hex or base64. */
final class AuthKeys {
    /** The variable, the same that {@code Manager.Builder.connect()} falls back to. */
    static final String VARIABLE = "STEWARD_AUTHKEY";

    private AuthKeys() {}

    /**
     * Reads the key.
     *
     * @return its bytes
     * @throws IllegalStateException if the variable is unset, or neither hex nor base64
     */
    static byte[] fromEnvironment() {
        String text = System.getenv(VARIABLE);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("set the auth key in the " + VARIABLE
                    + " environment variable, e.g. export " + VARIABLE + "=$(openssl rand -hex 32)");
        }
        return decode(text.trim());
    }

    /**
     * Decodes a key written as hex (an even number of hex digits) or else base64.
     *
     * @param text the key
     * @return its bytes
     */
    static byte[] decode(String text) {
        if (text.length() % 2 == 0 && text.matches("[0-9a-fA-F]+")) {
            return HexFormat.of().parseHex(text);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is neither hex nor base64", e);
        }
    }
}
