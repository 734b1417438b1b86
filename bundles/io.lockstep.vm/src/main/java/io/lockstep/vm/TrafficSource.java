package io.lockstep.vm;

/**
 * Something that tells {@link NetForwarder.TrafficListener}s about a VM's traffic: a Java guest's {@link NetForwarder}
 * (connections it accepts), or the packet-level view of a QEMU guest's frames (connections seen as TCP segments).
 * What the DoS guard watches.
 */
public interface TrafficSource {

    void addTrafficListener(NetForwarder.TrafficListener l);

    void removeTrafficListener(NetForwarder.TrafficListener l);
}
