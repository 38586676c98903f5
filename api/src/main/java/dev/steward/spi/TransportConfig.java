package dev.steward.spi;

import java.time.Duration;
import java.util.Map;

/**
 * What a transport is told when it listens or connects. Internal.
 *
 * @param maxFrameBytes the largest frame to accept; a larger incoming frame is reported through
 *     {@link FrameListener#onOversizedFrame(long)}
 * @param lease how long a silent peer is trusted, for transports that detect peers by liveness
 * @param name a name for threads and diagnostics
 * @param options transport-specific options, from the manager's settings and the address's query
 */
public record TransportConfig(int maxFrameBytes, Duration lease, String name, Map<String, String> options) {
    /**
     * Copies the options.
     *
     * @param maxFrameBytes frame limit
     * @param lease lease
     * @param name name
     * @param options options
     */
    public TransportConfig {
        options = Map.copyOf(options);
    }

    /**
     * Reads an option.
     *
     * @param key the option
     * @param defaultValue the value when it is not set
     * @return the option's value or the default
     */
    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }
}
