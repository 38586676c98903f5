/**
 * Steward's Aeron transport: {@code aeron:ipc} between the processes of one host and {@code
 * aeron:udp?endpoint=host:port} across hosts, with an embedded media driver by default; found by
 * {@link java.util.ServiceLoader} through {@link dev.steward.transport.aeron.AeronTransportProvider}.
 */
package dev.steward.transport.aeron;
