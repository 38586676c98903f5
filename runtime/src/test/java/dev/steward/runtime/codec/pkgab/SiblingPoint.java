package dev.steward.runtime.codec.pkgab;

/** A record in a package whose name merely starts with an allowed package's name. */
public record SiblingPoint(int x, int y) {}
