/**
 * Managed classes: the service interface that generated code implements ({@link
 * dev.steward.runtime.managed.ManagedType}), the helpers generated proxies and dispatchers call,
 * and run-time registration of classes that cannot be annotated, with proxies made by ByteBuddy.
 */
package dev.steward.runtime.managed;
