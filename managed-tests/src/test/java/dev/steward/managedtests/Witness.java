package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/** Records in system properties whether its class was initialized and an instance built in a JVM. */
@Managed
public class Witness {
    /** Set in a JVM where the class was initialized. */
    public static final String INITIALIZED = "steward.test.witness.initialized";

    /** Set in a JVM where an instance was constructed. */
    public static final String CONSTRUCTED = "steward.test.witness.constructed";

    static {
        System.setProperty(INITIALIZED, "yes");
    }

    private final long pid = ProcessHandle.current().pid();

    /** Creates it, and says so. */
    public Witness() {
        System.setProperty(CONSTRUCTED, "yes");
    }

    /**
     * Tells where the instance lives.
     *
     * @return the pid of its JVM
     */
    @Exposed
    public long pid() {
        return pid;
    }
}
