package dev.steward.runtime.protocol;

/** Message kinds, error codes and version numbers of the wire protocol (see docs/protocol.md). */
public final class Protocol {
    /** Identifies Steward in the first message of a connection. */
    public static final String MAGIC = "steward";

    /** The oldest protocol version this build speaks. */
    public static final int VERSION_MIN = 1;

    /** The newest protocol version this build speaks. */
    public static final int VERSION_MAX = 1;

    /** How long a new connection may take to authenticate before the node drops it. */
    public static final long HANDSHAKE_TIMEOUT_MS = 10_000;

    // message kinds: the first element of every frame
    public static final int HELLO = 1;
    public static final int CHALLENGE = 2;
    public static final int AUTH = 3;
    public static final int WELCOME = 4;
    public static final int CALL = 5;
    public static final int RESULT = 6;
    public static final int ERROR = 7;
    public static final int RELEASE = 8;
    public static final int CANCEL = 9;
    public static final int PING = 10;
    public static final int NOTICE = 12;
    public static final int BYE = 13;

    // error codes of ERROR and NOTICE
    public static final int E_EXCEPTION = 1;
    public static final int E_NO_OBJECT = 2;
    public static final int E_NO_METHOD = 3;
    public static final int E_BAD_ARGUMENTS = 4;
    public static final int E_CANCELLED = 5;
    public static final int E_NOT_SENDABLE = 6;
    public static final int E_CLOSING = 7;
    public static final int E_PROTOCOL = 8;
    public static final int E_AUTH = 9;
    public static final int E_TOO_LARGE = 10;
    public static final int E_UNREGISTERED = 11;
    public static final int E_LEASE = 12;

    /** The node itself, as the target of CALLs that create, find and publish objects. */
    public static final long NODE_OBJECT = 0;

    private Protocol() {}

    /**
     * Names a message kind for diagnostics.
     *
     * @param kind the kind
     * @return its name
     */
    public static String kindName(int kind) {
        switch (kind) {
            case HELLO:
                return "HELLO";
            case CHALLENGE:
                return "CHALLENGE";
            case AUTH:
                return "AUTH";
            case WELCOME:
                return "WELCOME";
            case CALL:
                return "CALL";
            case RESULT:
                return "RESULT";
            case ERROR:
                return "ERROR";
            case RELEASE:
                return "RELEASE";
            case CANCEL:
                return "CANCEL";
            case PING:
                return "PING";
            case NOTICE:
                return "NOTICE";
            case BYE:
                return "BYE";
            default:
                return "unknown kind " + kind;
        }
    }
}
