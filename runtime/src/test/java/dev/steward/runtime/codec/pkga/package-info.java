/** Test fixtures for the codec's package rules: records in package dev.steward.runtime.codec.pkga. */
package dev.steward.runtime.codec.pkga;
