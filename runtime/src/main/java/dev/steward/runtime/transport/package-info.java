/**
 * Finding transports: the {@link java.util.ServiceLoader} registry sorted by priority, and the
 * in-process {@code local://} transport used by unit tests.
 */
package dev.steward.runtime.transport;
