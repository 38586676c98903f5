package dev.steward.runtime.transport;

import dev.steward.NoTransportException;
import dev.steward.spi.TransportProvider;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The transports on the class path, found with {@link ServiceLoader} and sorted by priority
 * (highest first). Broken or unavailable providers are skipped with a log message, never fatal. The
 * in-process {@code local} scheme is always known.
 */
public final class TransportRegistry {
    private static final System.Logger LOG = System.getLogger(TransportRegistry.class.getName());
    private static final String MODULES = "dev.steward:steward-transport-netty (tcp://, TCP) or"
            + " dev.steward:steward-transport-aeron (aeron:ipc and aeron:udp)";

    private final List<TransportProvider> providers;

    /**
     * Creates a registry of the given providers.
     *
     * @param providers the providers
     */
    public TransportRegistry(List<TransportProvider> providers) {
        List<TransportProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(TransportProvider::priority).reversed());
        this.providers = List.copyOf(sorted);
    }

    /**
     * Loads the providers on the class path of a class loader.
     *
     * @param loader where to look
     * @return the registry
     */
    public static TransportRegistry load(ClassLoader loader) {
        List<TransportProvider> found = new ArrayList<>();
        Iterator<TransportProvider> it =
                ServiceLoader.load(TransportProvider.class, loader).iterator();
        while (true) {
            TransportProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "skipping a broken Steward transport provider: " + e.getMessage());
                continue;
            }
            try {
                if (p.isAvailable()) {
                    found.add(p);
                } else {
                    LOG.log(Level.DEBUG, () -> "transport " + p.name() + " is not available here");
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.log(
                        Level.WARNING,
                        "skipping Steward transport " + p.getClass().getName() + ": " + e);
            }
        }
        return new TransportRegistry(found);
    }

    /**
     * Loads the providers visible to Steward's own class loader.
     *
     * @return the registry
     */
    public static TransportRegistry load() {
        return load(TransportRegistry.class.getClassLoader());
    }

    /**
     * Lists the available providers, highest priority first.
     *
     * @return the providers (without the in-process one)
     */
    public List<TransportProvider> providers() {
        return providers;
    }

    /**
     * Picks the provider for an address.
     *
     * @param address the address
     * @return the provider of its scheme
     * @throws NoTransportException if no provider serves the scheme
     */
    public TransportProvider forAddress(URI address) {
        String scheme = address.getScheme();
        if (scheme == null) {
            throw new NoTransportException("'" + address + "' has no scheme: use tcp://host:port, aeron:ipc,"
                    + " aeron:udp?endpoint=host:port or local://name");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (LocalTransport.SCHEME.equals(scheme)) {
            return LocalTransport.INSTANCE;
        }
        for (TransportProvider p : providers) {
            if (p.schemes().contains(scheme)) {
                return p;
            }
        }
        throw new NoTransportException("No Steward transport on the class path serves " + scheme + "://"
                + " addresses such as '" + address + "'" + available() + ". Add " + MODULES
                + " to your dependencies.");
    }

    /**
     * Picks the default provider: the available one with the highest priority.
     *
     * @return the provider
     * @throws NoTransportException if there is none
     */
    public TransportProvider defaultProvider() {
        if (providers.isEmpty()) {
            throw new NoTransportException("No Steward transport is on the class path. Add " + MODULES
                    + " to your dependencies; adding the module is all it takes.");
        }
        return providers.get(0);
    }

    private String available() {
        if (providers.isEmpty()) {
            return " (none is on the class path)";
        }
        return " (available: "
                + providers.stream().map(p -> p.name() + " " + p.schemes()).collect(Collectors.joining(", "))
                + ")";
    }
}
