/**
 * The client side: one multiplexed connection per manager with request ids, synchronous and
 * asynchronous calls, heartbeats, and the proxies of the built-in shared types with their
 * reference counting.
 */
package dev.steward.runtime.client;
