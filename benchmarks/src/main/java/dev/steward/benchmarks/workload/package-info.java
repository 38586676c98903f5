/**
 * The workload harness: the anchor workloads of {@code shared/anchors} on every transport, each
 * client loop in a separate worker JVM started before the clock, printed as the JSON that {@code
 * compare.py} reads.
 */
package dev.steward.benchmarks.workload;
