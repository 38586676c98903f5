package dev.steward.managedtests;

/**
 * Where a greeting was made.
 *
 * @param message what was said
 * @param pid the process that ran the method
 * @param thread the thread that ran it
 */
public record Greeting(String message, long pid, String thread) {}
