package dev.steward.runtime.codec.pkga.sub;

/** A record in a sub-package of an allowed package. */
public record SubPoint(int x, int y) {}
