package dev.steward.runtime.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.steward.Manager;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Binds {@link Manager} to a connection to a node that runs elsewhere. The connection opens when
 * {@code Manager} is first injected and closes with {@link StewardService#stop()}.
 *
 * <p>Public bindings: {@link Manager} and {@link StewardService}, both singletons.
 */
public final class RemoteNodeModule extends AbstractModule {
    private final String address;
    private final byte[] authKey;
    private final Consumer<Manager.Builder> settings;

    /**
     * Connects to a node.
     *
     * @param address the node's address
     * @param authKey its auth key
     */
    public RemoteNodeModule(String address, byte[] authKey) {
        this(address, authKey, b -> {});
    }

    /**
     * Connects to a node with custom settings.
     *
     * @param address the node's address
     * @param authKey its auth key
     * @param settings applied to the builder before connecting
     */
    public RemoteNodeModule(String address, byte[] authKey, Consumer<Manager.Builder> settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.authKey = Objects.requireNonNull(authKey, "authKey").clone();
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Provides
    @Singleton
    StewardService service() {
        return new StewardService(() -> {
            Manager.Builder b = Manager.builder().address(address).authKey(authKey);
            settings.accept(b);
            return b.connect();
        });
    }

    @Provides
    @Singleton
    Manager manager(StewardService service) {
        return service.start();
    }
}
