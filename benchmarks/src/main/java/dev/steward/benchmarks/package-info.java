/** Steward's benchmarks: the workload harness, raw transport baselines and JMH micro-benchmarks. */
package dev.steward.benchmarks;
