package dev.steward;

import java.lang.ProcessBuilder.Redirect;

/**
 * Configures and starts a child JVM; obtained from {@link Manager#process(Class)}. The child runs
 * on the same class path and with the JVM flags Steward needs; it connects to the manager's node by
 * itself and receives working proxies for the shared objects among its arguments. The auth key
 * reaches it through a pipe to its standard input, never its command line or environment.
 */
public interface ProcessLauncher {
    /**
     * Sets the arguments passed to the main class's entry method (see {@link Manager#spawn}).
     *
     * @param args values Steward can send, and shared objects
     * @return this launcher
     */
    ProcessLauncher args(Object... args);

    /**
     * Names the process (for {@link ManagedProcess#name()} and diagnostics).
     *
     * @param name the name
     * @return this launcher
     */
    ProcessLauncher name(String name);

    /**
     * Adds JVM options, such as {@code -Xmx256m}, to those Steward sets.
     *
     * @param options the options
     * @return this launcher
     */
    ProcessLauncher jvmOptions(String... options);

    /**
     * Sets an environment variable of the child.
     *
     * @param name the variable
     * @param value its value
     * @return this launcher
     */
    ProcessLauncher environment(String name, String value);

    /**
     * Where the child's standard output goes; by default it is inherited from this process.
     *
     * @param redirect the destination
     * @return this launcher
     */
    ProcessLauncher output(Redirect redirect);

    /**
     * Where the child's standard error goes; by default it is inherited from this process.
     *
     * @param redirect the destination
     * @return this launcher
     */
    ProcessLauncher error(Redirect redirect);

    /**
     * Starts the child.
     *
     * @return the running process
     * @throws NotSendableException if an argument cannot be sent
     * @throws StewardException if the JVM cannot be started
     */
    ManagedProcess start();
}
