package dev.steward.transport.netty;

/**
 * What {@link FrameDecoder} passes on, in place of a frame, when a peer announces one larger than
 * the limit.
 *
 * @param length the announced length, read as an unsigned 32-bit number
 */
record OversizedFrame(long length) {}
