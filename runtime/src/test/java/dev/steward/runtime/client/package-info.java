/** Tests of the client side's parts that need no node. */
package dev.steward.runtime.client;
