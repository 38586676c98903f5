/**
 * Transport selection by module inclusion: which transport {@code Manager.start()} uses with only
 * Netty, only Aeron, or both on the class path. The {@code Only*Test} classes run in surefire
 * executions of their own, whose class paths leave the other transport out (see the pom).
 */
package dev.steward.transport.aeron.selection;
