package dev.steward.transport.aeron;

import org.agrona.UnsafeApi;

/** Checks, before Aeron starts, that the JVM lets Agrona reach {@code jdk.internal.misc.Unsafe}. */
final class JvmAccess {
    /** The flag Agrona needs, as it goes on a {@code java} command line. */
    static final String FLAG = "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED";

    private static volatile boolean checked;

    private JvmAccess() {}

    /**
     * Fails clearly if the flag is missing, rather than deep inside Aeron.
     *
     * @throws IllegalStateException if Agrona cannot reach {@code jdk.internal.misc.Unsafe}
     */
    static void check() {
        if (checked) {
            return;
        }
        try {
            UnsafeApi.addressSize();
            checked = true;
        } catch (LinkageError e) {
            throw new IllegalStateException(
                    "Steward's Aeron transport needs the JVM flag " + FLAG
                            + " (Agrona, under Aeron, uses jdk.internal.misc.Unsafe): add it to the java command line;"
                            + " Steward adds it to every JVM it starts",
                    e);
        }
    }
}
