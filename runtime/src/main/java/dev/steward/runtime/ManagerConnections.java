package dev.steward.runtime;

import dev.steward.Manager;
import dev.steward.runtime.client.ClientConnection;

/** Finds the client connection behind a {@link Manager}, for generated typed factories. */
public final class ManagerConnections {
    private ManagerConnections() {}

    /**
     * Returns the connection of a manager made by this runtime.
     *
     * @param manager the manager
     * @return its connection
     * @throws IllegalArgumentException if the manager was not made by Steward's runtime
     */
    public static ClientConnection of(Manager manager) {
        if (manager instanceof ManagerImpl m) {
            return m.connection();
        }
        throw new IllegalArgumentException("not a manager of Steward's runtime: " + manager);
    }
}
