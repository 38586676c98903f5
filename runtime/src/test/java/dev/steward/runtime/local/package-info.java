/** The conformance suite on the in-process transport. */
package dev.steward.runtime.local;
