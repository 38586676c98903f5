/** Tests of the Aeron transport. */
package dev.steward.transport.aeron;
