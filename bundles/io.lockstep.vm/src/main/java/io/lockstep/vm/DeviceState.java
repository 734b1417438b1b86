package io.lockstep.vm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about a guest that is not in its memory: the vCPU's position (steps executed), the virtual NIC's
 * receive queue (events delivered, not yet taken by the guest) and its per-connection output counters, the
 * timer and disk counters. Serialized in one canonical order, so equal states have equal bytes (and digests).
 */
public final class DeviceState {

    long position;
    final Deque<InputEvent> rx = new ArrayDeque<>();
    /** Per connection: how many output messages the guest has produced (deterministic; the NIC releases them). */
    final Map<Integer, Long> txSequence = new TreeMap<>();
    long timerTicks;
    long diskWrites;
    long diskReads;
    /** The highest connection number ever opened (a NIC that replaces this one starts above it). */
    int maxConnection;

    public long position() {
        return position;
    }

    public int pendingInputs() {
        return rx.size();
    }

    public long diskWrites() {
        return diskWrites;
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0x4C534456); // "LSDV"
            out.writeLong(position);
            out.writeLong(timerTicks);
            out.writeLong(diskWrites);
            out.writeLong(diskReads);
            out.writeInt(maxConnection);
            out.writeInt(rx.size());
            for (InputEvent e : rx) {
                e.write(out);
            }
            out.writeInt(txSequence.size());
            for (Map.Entry<Integer, Long> t : txSequence.entrySet()) {
                out.writeInt(t.getKey());
                out.writeLong(t.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DeviceState decode(byte[] raw) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw));
        if (in.readInt() != 0x4C534456) {
            throw new IOException("device state: expected magic LSDV");
        }
        DeviceState d = new DeviceState();
        d.position = in.readLong();
        d.timerTicks = in.readLong();
        d.diskWrites = in.readLong();
        d.diskReads = in.readLong();
        d.maxConnection = in.readInt();
        int rx = in.readInt();
        if (rx < 0 || rx > 1_000_000 || rx > in.available() / InputEvent.FIXED_BYTES) {
            throw new IOException("device state: " + rx + " queued inputs; expected 0 to " + Math.min(1_000_000, in.available() / InputEvent.FIXED_BYTES)
                    + " (what the remaining " + in.available() + " bytes can hold)");
        }
        for (int i = 0; i < rx; i++) {
            d.rx.add(InputEvent.read(in, in.available())); // a byte array: available() is exactly what remains
        }
        int tx = in.readInt();
        if (tx < 0 || tx > 1_000_000 || tx > in.available() / 12) {
            throw new IOException("device state: " + tx + " connections; expected 0 to " + Math.min(1_000_000, in.available() / 12)
                    + " (what the remaining " + in.available() + " bytes can hold)");
        }
        for (int i = 0; i < tx; i++) {
            d.txSequence.put(in.readInt(), in.readLong());
        }
        return d;
    }
}
