package dev.steward.transport.aeron;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The doorbell of a process's Aeron connections: a UDP socket and a daemon thread, {@code
 * steward-aeron-doorbell}, blocked in {@code receive} on it (one per address: the loopback address
 * for IPC, the reply address for UDP). Shared memory notifies nobody, so a client whose threads
 * have all parked (a caller waiting for a lock that another process holds, and the transport thread
 * between its polls) would see an answer only when the transport thread's park ends, up to a
 * millisecond later; over UDP the answer even waits in the kernel until that thread runs the
 * embedded driver's receiver. A node that answers a call which has waited on it for a while
 * ({@code TransportConnection.sendToWaiter}; the runtime's node does so after 600 µs) also sends the
 * client's doorbell one byte; the doorbell's thread then reads the process's replies itself (IPC), or
 * wakes the transport thread to receive them (UDP), so the kernel wakes the waiting process at once,
 * as it would for a socket.
 *
 * <p>What arrives on the socket is never read as data: a datagram from anyone only makes the thread
 * look for replies. One doorbell serves every connection of the process on its address and closes
 * with the last of them. The node end ({@link #ring}) sends from one unbound socket per process.
 */
final class Doorbell {
    private static final System.Logger LOG = System.getLogger(Doorbell.class.getName());

    private static final Object LOCK = new Object();
    /** The process's doorbells, by the address they listen on. */
    private static final Map<InetAddress, Doorbell> OPEN = new HashMap<>(); // guarded by LOCK

    private static volatile DatagramChannel ringer; // written under LOCK
    private static boolean ringerFailed; // guarded by LOCK

    private final DatagramChannel channel;
    private final InetAddress address;
    private final int port;
    private final CopyOnWriteArrayList<OutgoingConnection> connections = new CopyOnWriteArrayList<>();
    private volatile long rings;

    private Doorbell(DatagramChannel channel, InetAddress address) throws IOException {
        this.channel = channel;
        this.address = address;
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        Thread t = new Thread(this::run, "steward-aeron-doorbell");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Takes a hold on the process's doorbell on an address for a connection, opening it if needed.
     *
     * @param connection the connection whose replies the doorbell reads
     * @param address where the node can reach this process: the loopback address for IPC, the
     *     reply address for UDP
     * @return the doorbell, or {@code null} if no UDP socket can be opened there (the connection
     *     then goes without: its answers come at the transport thread's next poll)
     */
    static Doorbell acquire(OutgoingConnection connection, InetAddress address) {
        synchronized (LOCK) {
            Doorbell d = OPEN.get(address);
            if (d == null) {
                DatagramChannel channel = null;
                try {
                    channel = DatagramChannel.open(
                            address instanceof Inet6Address
                                    ? StandardProtocolFamily.INET6
                                    : StandardProtocolFamily.INET);
                    channel.bind(new InetSocketAddress(address, 0));
                    d = new Doorbell(channel, address);
                    OPEN.put(address, d);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.DEBUG, () -> "no doorbell on " + address + " for Aeron connections: " + e);
                    closeQuietly(channel);
                    return null;
                }
            }
            d.connections.add(connection);
            return d;
        }
    }

    /**
     * The process's doorbell on an address, for tests.
     *
     * @param address the address
     * @return it, or {@code null} while no connection holds one there
     */
    static Doorbell current(InetAddress address) {
        synchronized (LOCK) {
            return OPEN.get(address);
        }
    }

    /**
     * Lets go of a connection's hold; the doorbell closes after the last.
     *
     * @param connection the connection
     */
    void release(OutgoingConnection connection) {
        synchronized (LOCK) {
            if (connections.remove(connection) && connections.isEmpty() && OPEN.get(address) == this) {
                OPEN.remove(address);
                closeQuietly(channel); // the thread's receive fails, and it ends
            }
        }
    }

    /**
     * The doorbell's port.
     *
     * @return the port
     */
    int port() {
        return port;
    }

    /**
     * Counts the rings received, for tests.
     *
     * @return how many
     */
    long rings() {
        return rings;
    }

    private void run() {
        ByteBuffer b = ByteBuffer.allocate(16);
        try {
            while (true) {
                b.clear();
                channel.receive(b);
                rings++;
                for (OutgoingConnection c : connections) {
                    c.onDoorbell();
                }
            }
        } catch (ClosedChannelException e) {
            // released: the thread ends
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "the Aeron doorbell stopped: " + e);
        }
    }

    /**
     * Rings a client's doorbell: one byte to its address. Never blocks; failures are ignored (the
     * client then sees the answer at its transport thread's next poll). Thread-safe.
     *
     * @param to the doorbell's address
     */
    static void ring(InetSocketAddress to) {
        DatagramChannel c = ringer;
        if (c == null) {
            c = ringer();
        }
        if (c == null) {
            return;
        }
        try {
            c.send(ByteBuffer.wrap(new byte[] {1}), to);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "ringing the doorbell at " + to + " failed: " + e);
        }
    }

    private static DatagramChannel ringer() {
        synchronized (LOCK) {
            if (ringer == null && !ringerFailed) {
                try {
                    DatagramChannel c = DatagramChannel.open(); // the platform's family: IPv4 and IPv6 peers
                    c.configureBlocking(false);
                    ringer = c;
                } catch (IOException | RuntimeException e) {
                    ringerFailed = true;
                    LOG.log(Level.DEBUG, () -> "cannot ring Aeron clients' doorbells: " + e);
                }
            }
            return ringer;
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
