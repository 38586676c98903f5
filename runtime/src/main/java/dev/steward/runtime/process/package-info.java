/**
 * Child JVMs: the launcher that starts them with the node's address, auth key and arguments
 * through a pipe, the child-side entry point that connects and calls the user's main method, and
 * the handle of a running child.
 */
package dev.steward.runtime.process;
