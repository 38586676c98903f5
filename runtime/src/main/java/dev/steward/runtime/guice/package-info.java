/**
 * Guice wiring: modules that bind {@link dev.steward.Manager} to an embedded node or to a remote
 * one, and the service that starts and stops it. Transports come from the class path.
 */
package dev.steward.runtime.guice;
