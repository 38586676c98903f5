package dev.steward.samples;

import dev.steward.Managed;

/**
 * The seed's {@code Dummy} (seed 003, "Terminating the Manager"), registered in Python without an
 * {@code exposed} list, so every public method is exposed: {@code @Managed(exposeAll = true)}.
 */
@Managed(exposeAll = true)
public class Dummy {
    /** Nothing to set up. */
    public Dummy() {}

    /** Prints a message, in the process that hosts the object: the node's. */
    public void sayHello() {
        System.out.println("Hello from managed object! (printed by pid "
                + ProcessHandle.current().pid() + ")");
    }
}
