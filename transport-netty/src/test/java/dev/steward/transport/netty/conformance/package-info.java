/** The transport conformance suite on Netty TCP. */
package dev.steward.transport.netty.conformance;
