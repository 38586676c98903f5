package dev.steward;

import java.util.Set;

/**
 * A snapshot of a manager node's state, for monitoring and tests.
 *
 * @param nodeId the node's random id, fixed for its lifetime
 * @param objects how many shared objects the node holds now
 * @param sessions how many clients are connected now (the node's own process counts as one)
 * @param published the names under which objects are published
 * @param waiters how many blocking calls are parked on the node now
 * @param threads how many live threads the node's JVM has
 */
public record NodeStatus(String nodeId, int objects, int sessions, Set<String> published, int waiters, int threads) {
    /**
     * Validates and copies the published names.
     *
     * @param nodeId the node's id
     * @param objects object count
     * @param sessions session count
     * @param published published names
     * @param waiters parked calls
     * @param threads live threads
     */
    public NodeStatus {
        published = Set.copyOf(published);
    }
}
