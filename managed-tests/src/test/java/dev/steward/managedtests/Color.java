package dev.steward.managedtests;

/** An enum in exposed signatures. */
public enum Color {
    RED,
    GREEN,
    BLUE
}
