package dev.steward.spi;

import java.util.Objects;

/**
 * A class made managed at run time by {@link dev.steward.Manager.Builder#registerManaged(Class,
 * Class)}: the class the node hosts, and the interface whose methods are exposed. Internal.
 *
 * @param type the class the node instantiates
 * @param api the interface the proxies implement
 */
public record ManagedRegistration(Class<?> type, Class<?> api) {
    /**
     * Checks the parts.
     *
     * @param type the class
     * @param api the interface
     */
    public ManagedRegistration {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(api, "api");
    }
}
