/**
 * The service-provider interface between Steward's API, its runtime and its transports. Internal:
 * applications do not call these types; transport and runtime jars implement them and are found
 * through {@link java.util.ServiceLoader}.
 */
package dev.steward.spi;
