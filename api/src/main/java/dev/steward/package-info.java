/**
 * Steward's public API: {@link dev.steward.Manager} starts or reaches a manager node, whose shared
 * objects ({@link dev.steward.SharedList}, {@link dev.steward.SharedMap}, {@link
 * dev.steward.Namespace}, ...) other JVM processes use through proxies as if they were local.
 *
 * <p>Every shared type here is implemented by a proxy: each method is one call to the node, where
 * the object lives. Values travel by copy in Steward's MessagePack format; shared objects travel by
 * reference. Java serialization is never used.
 */
package dev.steward;
