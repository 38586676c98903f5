/** JMH micro-benchmarks of the codec and of node dispatch, with no network. */
package dev.steward.benchmarks.jmh;
