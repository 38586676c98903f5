/**
 * Behaviour tests of managed classes: the classes here are compiled by Steward's annotation
 * processor exactly as in a user's build, and used from other JVMs over Netty TCP.
 */
package dev.steward.managedtests;
