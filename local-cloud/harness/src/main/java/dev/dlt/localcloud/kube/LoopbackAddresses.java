package dev.dlt.localcloud.kube;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out distinct loopback addresses (127.0.x.y) so every local worker listens on its own
 * address and port 50000, as pods and tasks do on their own IPs. Linux routes all of 127.0.0.0/8
 * to the loopback interface, so nothing needs configuring.
 */
public final class LoopbackAddresses {

    private final int firstOctet;
    private final Deque<String> released = new ArrayDeque<>();
    private int next;

    /** @param secondOctetBase the third octet range starts here, keeping pools of different kinds apart */
    public LoopbackAddresses(int secondOctetBase) {
        this.firstOctet = secondOctetBase;
    }

    public synchronized String allocate() {
        if (!released.isEmpty()) {
            return released.poll();
        }
        int n = next++;
        int third = firstOctet + n / 250;
        if (third > 255) {
            throw new IllegalStateException("out of loopback addresses");
        }
        return "127.0." + third + "." + (n % 250 + 2);
    }

    public synchronized void release(String address) {
        released.add(address);
    }
}
