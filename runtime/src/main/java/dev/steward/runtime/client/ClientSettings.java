package dev.steward.runtime.client;

import dev.steward.runtime.codec.TypeRegistry;
import java.util.Map;

/**
 * What a client connection needs besides its address and key.
 *
 * @param registry the types this JVM may receive
 * @param maxFrameBytes the largest frame this client sends or accepts
 * @param name a name for diagnostics, sent to the node
 * @param options transport options
 */
public record ClientSettings(TypeRegistry registry, int maxFrameBytes, String name, Map<String, String> options) {
    /**
     * Copies the options.
     *
     * @param registry registry
     * @param maxFrameBytes frame limit
     * @param name name
     * @param options options
     */
    public ClientSettings {
        options = Map.copyOf(options);
    }
}
