package dev.steward.runtime.conformance;

import dev.steward.Manager;
import java.util.List;
import java.util.Map;

/** What a transport module tells the conformance suite about itself. */
public interface TransportFixture {
    /**
     * Names the transport in test output.
     *
     * @return for example {@code netty-tcp}
     */
    String name();

    /**
     * Returns a fresh address to start a node on.
     *
     * @return for example {@code tcp://127.0.0.1:0}
     */
    String nodeAddress();

    /**
     * Tells whether other JVMs can reach a node on this transport.
     *
     * @return {@code false} for the in-process transport
     */
    boolean crossProcess();

    /**
     * Returns transport options for managers in tests (small buffers and the like).
     *
     * @return options
     */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * Returns extra JVM options for JVMs the tests start.
     *
     * @return options
     */
    default List<String> jvmOptions() {
        return List.of();
    }

    /**
     * Applies the fixture to a builder.
     *
     * @param builder a manager builder
     * @return the builder
     */
    default Manager.Builder configure(Manager.Builder builder) {
        options().forEach(builder::option);
        return builder;
    }

    /** Checks that the transport left nothing behind (called after each test class). */
    default void assertNoLeftovers() {}
}
