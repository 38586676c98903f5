package dev.steward.spi;

import dev.steward.Manager;

/**
 * Implemented by the runtime and found by {@link java.util.ServiceLoader}: turns settings into a
 * working {@link Manager}. Internal.
 */
public interface ManagerFactory {
    /**
     * Starts a node in this JVM and connects to it.
     *
     * @param settings the settings
     * @return the manager
     */
    Manager start(ManagerSettings settings);

    /**
     * Connects to a running node.
     *
     * @param settings the settings; the address is set
     * @return the manager
     */
    Manager connect(ManagerSettings settings);
}
