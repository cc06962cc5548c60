package dev.dlt.agent.gate;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The gate's connections that have not yet delivered a valid start frame, oldest first. Admitting one
 * beyond the cap sheds the oldest: a flood of idle or slow connections then costs the attacker its own
 * connections, never the leader's fresh one.
 */
final class PendingConnections {

    private final int max;
    private final LinkedHashSet<Socket> sockets = new LinkedHashSet<>();
    private long shed;

    PendingConnections(int max) {
        this.max = max;
    }

    /** Adds the connection, closing the oldest pending ones if the cap is reached. */
    void admit(Socket socket) {
        List<Socket> dropped = new ArrayList<>();
        synchronized (this) {
            Iterator<Socket> oldest = sockets.iterator();
            while (sockets.size() >= max && oldest.hasNext()) {
                dropped.add(oldest.next());
                oldest.remove();
            }
            shed += dropped.size();
            sockets.add(socket);
        }
        dropped.forEach(PendingConnections::closeQuietly);
    }

    /** Sheds the oldest pending connection (the process ran out of file descriptors); false if there is none. */
    boolean shedOldest() {
        Socket oldest;
        synchronized (this) {
            Iterator<Socket> it = sockets.iterator();
            if (!it.hasNext()) {
                return false;
            }
            oldest = it.next();
            it.remove();
            shed++;
        }
        closeQuietly(oldest);
        return true;
    }

    /** The connection delivered a valid frame or ended: it is no longer a candidate for shedding. */
    synchronized void remove(Socket socket) {
        sockets.remove(socket);
    }

    synchronized int size() {
        return sockets.size();
    }

    synchronized long shed() {
        return shed;
    }

    void closeAll() {
        List<Socket> all;
        synchronized (this) {
            all = new ArrayList<>(sockets);
            sockets.clear();
        }
        all.forEach(PendingConnections::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection is being dropped either way
        }
    }
}
