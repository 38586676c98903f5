/** Test fixtures for the codec's package rules: records in package dev.steward.runtime.codec.pkgab. */
package dev.steward.runtime.codec.pkgab;
