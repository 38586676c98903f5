package dev.steward.managedtests;

/**
 * A record in exposed signatures; children receive it without registering it.
 *
 * @param x across
 * @param y down
 */
public record Point(int x, int y) {}
