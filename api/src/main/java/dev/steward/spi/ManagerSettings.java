package dev.steward.spi;

import dev.steward.TypeAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link dev.steward.Manager.Builder} collected, handed to the runtime's {@link
 * ManagerFactory}. Internal.
 *
 * @param address the address to listen on or connect to; {@code null} for the default transport's
 *     default
 * @param authKey the auth key, or {@code null} for a random one (start) or the environment's
 *     (connect)
 * @param types registered record and enum classes
 * @param packages packages whose records and enums may be received
 * @param adapters registered type adapters
 * @param maxFrameBytes the frame limit
 * @param heartbeat the heartbeat interval
 * @param lease how long a silent peer is trusted
 * @param name a name for threads and diagnostics
 * @param options transport-specific options
 * @param managed classes made managed at run time
 */
public record ManagerSettings(
        String address,
        byte[] authKey,
        List<Class<?>> types,
        List<String> packages,
        List<TypeAdapter<?>> adapters,
        int maxFrameBytes,
        Duration heartbeat,
        Duration lease,
        String name,
        Map<String, String> options,
        List<ManagedRegistration> managed) {

    /** The default frame limit: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** The default heartbeat interval: 1 second. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);

    /** The default lease: 10 seconds. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    /**
     * Copies the collections so the settings cannot change afterwards.
     *
     * @param address the address
     * @param authKey the key
     * @param types registered types
     * @param packages allowed packages
     * @param adapters adapters
     * @param maxFrameBytes frame limit
     * @param heartbeat heartbeat interval
     * @param lease lease
     * @param name name
     * @param options transport options
     * @param managed run-time managed classes
     */
    public ManagerSettings {
        authKey = authKey == null ? null : authKey.clone();
        types = List.copyOf(types);
        packages = List.copyOf(packages);
        adapters = List.copyOf(adapters);
        options = Map.copyOf(options);
        managed = List.copyOf(managed);
    }

    /**
     * Creates settings without run-time managed classes.
     *
     * @param address the address
     * @param authKey the key
     * @param types registered types
     * @param packages allowed packages
     * @param adapters adapters
     * @param maxFrameBytes frame limit
     * @param heartbeat heartbeat interval
     * @param lease lease
     * @param name name
     * @param options transport options
     */
    public ManagerSettings(
            String address,
            byte[] authKey,
            List<Class<?>> types,
            List<String> packages,
            List<TypeAdapter<?>> adapters,
            int maxFrameBytes,
            Duration heartbeat,
            Duration lease,
            String name,
            Map<String, String> options) {
        this(address, authKey, types, packages, adapters, maxFrameBytes, heartbeat, lease, name, options, List.of());
    }

    /**
     * Returns a copy of the auth key.
     *
     * @return the key, or {@code null}
     */
    @Override
    public byte[] authKey() {
        return authKey == null ? null : authKey.clone();
    }

    /**
     * Returns these settings with another address.
     *
     * @param newAddress the address
     * @return a copy
     */
    public ManagerSettings withAddress(String newAddress) {
        return new ManagerSettings(
                newAddress,
                authKey,
                types,
                packages,
                adapters,
                maxFrameBytes,
                heartbeat,
                lease,
                name,
                options,
                managed);
    }

    /**
     * Returns these settings with another auth key.
     *
     * @param newKey the key
     * @return a copy
     */
    public ManagerSettings withAuthKey(byte[] newKey) {
        return new ManagerSettings(
                address, newKey, types, packages, adapters, maxFrameBytes, heartbeat, lease, name, options, managed);
    }
}
