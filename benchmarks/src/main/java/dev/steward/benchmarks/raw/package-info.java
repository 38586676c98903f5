/** Raw transport baselines: minimal ping-pong of a 64-byte message on the libraries Steward uses. */
package dev.steward.benchmarks.raw;
