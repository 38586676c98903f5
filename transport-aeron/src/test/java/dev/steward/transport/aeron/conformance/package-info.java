/** The transport conformance suite on Aeron IPC and Aeron UDP. */
package dev.steward.transport.aeron.conformance;
