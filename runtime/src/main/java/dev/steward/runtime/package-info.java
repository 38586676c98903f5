/**
 * Steward's runtime: the {@link dev.steward.spi.ManagerFactory} behind {@link
 * dev.steward.Manager#start()} and {@link dev.steward.Manager#connect}, and the standalone node's
 * command line.
 */
package dev.steward.runtime;
