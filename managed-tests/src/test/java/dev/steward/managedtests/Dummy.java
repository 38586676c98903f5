package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/** The seed's Dummy: say_hello prints in the node's JVM, and remembers where it ran. */
@Managed
public class Dummy {
    private Greeting last;

    /** Creates it. */
    public Dummy() {}

    /** Prints a greeting where the object lives. */
    @Exposed
    public void sayHello() {
        String message = "Hello from managed object!";
        System.out.println(message);
        last = new Greeting(
                message, ProcessHandle.current().pid(), Thread.currentThread().getName());
    }

    /**
     * Tells where the last greeting ran.
     *
     * @return the last greeting, or {@code null}
     */
    @Exposed
    public Greeting lastHello() {
        return last;
    }
}
