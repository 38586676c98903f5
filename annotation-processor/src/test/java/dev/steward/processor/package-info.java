/** Tests of the annotation processor: compile-testing of every error, golden files, service entries. */
package dev.steward.processor;
