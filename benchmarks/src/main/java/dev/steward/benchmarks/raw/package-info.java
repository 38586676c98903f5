/**
 * Raw transport baselines on the libraries Steward uses, with nothing of Steward in them: a
 * ping-pong of a 64-byte message per transport, and the queue and lock workloads on a minimal
 * server per transport ({@link dev.steward.benchmarks.raw.RawTcpWorkloads}, {@link
 * dev.steward.benchmarks.raw.RawAeronWorkloads}).
 */
package dev.steward.benchmarks.raw;
