/**
 * Runnable samples: every example of the seed documents in Java, and a demo. {@link
 * dev.steward.samples.Samples} lists and runs them.
 */
package dev.steward.samples;
