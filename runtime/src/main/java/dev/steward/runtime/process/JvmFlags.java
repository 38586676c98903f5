package dev.steward.runtime.process;

import java.util.ArrayList;
import java.util.List;

/** The JVM options every JVM that runs Steward needs; added wherever Steward starts a JVM. */
public final class JvmFlags {
    private JvmFlags() {}

    /**
     * Returns the options: Agrona (under Aeron) needs {@code jdk.internal.misc} opened, Java 22+
     * wants native access granted to Netty's epoll transport, and Java 24+ wants msgpack-core's use
     * of {@code sun.misc.Unsafe} allowed.
     *
     * @return the options for a {@code java} command line
     */
    public static List<String> required() {
        List<String> flags = new ArrayList<>();
        flags.add("--add-opens");
        flags.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        if (Runtime.version().feature() >= 22) {
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        if (Runtime.version().feature() >= 24) {
            // msgpack-core reads buffers through sun.misc.Unsafe, which Java 24+ warns about
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    /**
     * Returns the {@code java} executable of this JVM.
     *
     * @return its path
     */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }
}
