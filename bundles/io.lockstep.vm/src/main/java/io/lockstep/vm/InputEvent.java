package io.lockstep.vm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Something from outside that a guest could not have computed: a connection opened, bytes arrived, a
 * connection closed, a timer tick, a disk read completed (its data: what the disk held is not the guest's to
 * know). Stamped with the execution position at which the runtime delivered it; the
 * same events at the same positions reproduce the same guest state bit for bit.
 */
public record InputEvent(long position, Kind kind, int channel, byte[] payload) {

    public enum Kind {
        NET_OPEN, NET_DATA, NET_CLOSE, TIMER, DISK_READ
    }

    /** Bytes an event carries at most: a megabyte of data, and a disk read's address. */
    public static final int MAX_PAYLOAD = (1 << 20) + 8;

    public InputEvent {
        if (payload == null) {
            payload = new byte[0];
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("an input event carries at most " + MAX_PAYLOAD + " bytes, found " + payload.length);
        }
    }

    public static InputEvent open(int connection) {
        return new InputEvent(-1, Kind.NET_OPEN, connection, null);
    }

    public static InputEvent data(int connection, byte[] bytes) {
        return new InputEvent(-1, Kind.NET_DATA, connection, bytes);
    }

    public static InputEvent close(int connection) {
        return new InputEvent(-1, Kind.NET_CLOSE, connection, null);
    }

    public static InputEvent timer() {
        return new InputEvent(-1, Kind.TIMER, 0, null);
    }

    /** A completed disk read, recorded during the step that issued it (payload: the LBA, then the data). */
    public static InputEvent diskRead(long lba, byte[] data) {
        byte[] p = new byte[8 + data.length];
        java.nio.ByteBuffer.wrap(p).putLong(lba).put(data);
        return new InputEvent(-1, Kind.DISK_READ, 0, p);
    }

    /** A disk read's first sector. */
    public long diskLba() {
        return java.nio.ByteBuffer.wrap(payload).getLong();
    }

    /** A disk read's data. */
    public byte[] diskData() {
        return java.util.Arrays.copyOfRange(payload, 8, payload.length);
    }

    InputEvent at(long p) {
        return new InputEvent(p, kind, channel, payload);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeLong(position);
        out.writeByte(kind.ordinal());
        out.writeInt(channel);
        out.writeInt(payload.length);
        out.write(payload);
    }

    /** Bytes an event takes before its payload: position, kind, channel, payload length. */
    static final int FIXED_BYTES = 8 + 1 + 4 + 4;

    /** Reads one event; a malformed one is named with what was expected and found. */
    public static InputEvent read(DataInputStream in) throws IOException {
        return read(in, Long.MAX_VALUE);
    }

    /**
     * Reads one event from a source of which {@code remaining} bytes are left (a record, a device state): a payload
     * longer than what is left is refused before it is allocated.
     */
    static InputEvent read(DataInputStream in, long remaining) throws IOException {
        long position = in.readLong();
        int kind = in.readUnsignedByte();
        if (kind >= Kind.values().length) {
            throw new IOException("input event: kind " + kind + " is not one of " + java.util.Arrays.toString(Kind.values()));
        }
        int channel = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("input event: payload of " + length + " bytes (at most " + MAX_PAYLOAD + ")");
        }
        if (length > remaining - FIXED_BYTES) {
            throw new IOException("input event: payload of " + length + " bytes; expected at most the " + Math.max(0, remaining - FIXED_BYTES)
                    + " bytes that remain");
        }
        byte[] payload = in.readNBytes(length); // as it arrives: a damaged length allocates no more than there is
        if (payload.length < length) {
            throw new java.io.EOFException("input event: payload of " + length + " bytes, but only " + payload.length + " follow");
        }
        return new InputEvent(position, Kind.values()[kind], channel, payload);
    }

    @Override
    public String toString() {
        return kind + "(" + channel + (payload.length > 0 ? ", " + payload.length + " B" : "") + ")@" + position;
    }
}
