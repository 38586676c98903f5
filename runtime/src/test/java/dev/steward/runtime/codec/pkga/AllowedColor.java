package dev.steward.runtime.codec.pkga;

/** An enum in a package the tests allow. */
public enum AllowedColor {
    CYAN,
    MAGENTA
}
