package dev.steward.runtime.codec.pkga;

/** A record in a package the tests allow. */
public record AllowedPoint(int x, int y) {}
