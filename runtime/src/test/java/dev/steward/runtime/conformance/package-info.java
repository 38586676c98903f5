/**
 * The transport conformance suite, published in the runtime's test-jar: abstract tests that every
 * transport (in-process, Netty TCP, Aeron IPC and UDP) runs by supplying a {@link
 * dev.steward.runtime.conformance.TransportFixture}.
 */
package dev.steward.runtime.conformance;
