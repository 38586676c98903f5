package dev.steward.runtime.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.steward.Manager;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Binds {@link Manager} to a node embedded in this JVM, on the transport that the class path
 * provides (adding {@code steward-transport-netty} or {@code steward-transport-aeron} to the pom is
 * all it takes). The node starts when {@code Manager} is first injected, and stops with {@link
 * StewardService#stop()}.
 *
 * <p>Public bindings: {@link Manager} and {@link StewardService}, both singletons.
 */
public final class EmbeddedNodeModule extends AbstractModule {
    private final Consumer<Manager.Builder> settings;

    /** A node with default settings: default transport and address, a random auth key. */
    public EmbeddedNodeModule() {
        this(b -> {});
    }

    /**
     * A node with custom settings.
     *
     * @param settings applied to the builder before the node starts
     */
    public EmbeddedNodeModule(Consumer<Manager.Builder> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Provides
    @Singleton
    StewardService service() {
        return new StewardService(() -> {
            Manager.Builder b = Manager.builder();
            settings.accept(b);
            return b.start();
        });
    }

    @Provides
    @Singleton
    Manager manager(StewardService service) {
        return service.start();
    }
}
