/**
 * The annotation processor that turns {@code @Managed} classes into generated proxies, node-side
 * dispatchers and service registrations, in three stages: validation ({@link
 * dev.steward.processor.ManagedValidator}, {@link dev.steward.processor.SendableTypes}), model
 * ({@link dev.steward.processor.ManagedModel}) and writing ({@link
 * dev.steward.processor.ProxyWriter}, {@link dev.steward.processor.DispatcherWriter}, {@link
 * dev.steward.processor.ManagedTypeWriter}, {@link dev.steward.processor.ServiceFile}).
 */
package dev.steward.processor;
