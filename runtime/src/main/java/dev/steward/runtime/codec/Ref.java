package dev.steward.runtime.codec;

/**
 * A reference to a shared object as it travels: the object's id on its node and its type name.
 *
 * @param objectId the id on the node
 * @param typeName the node's name for the object's type
 */
public record Ref(long objectId, String typeName) {}
