/**
 * Steward's wire protocol: message kinds, error codes, the method tables of the built-in types, the
 * mutual HMAC-SHA256 handshake and the encoding of remote errors. Specified in docs/protocol.md.
 */
package dev.steward.runtime.protocol;
