/**
 * The manager node: the object table with reference counts, one session per client connection,
 * dispatch of calls to hosted objects, and the built-in shared types.
 */
package dev.steward.runtime.node;
