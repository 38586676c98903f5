/**
 * Steward's value codec on MessagePack: which Java values can travel, how each is tagged, and the
 * registry of records, enums and adapted types a JVM may receive. Never Java serialization.
 */
package dev.steward.runtime.codec;
