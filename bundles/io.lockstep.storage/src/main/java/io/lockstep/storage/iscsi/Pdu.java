package io.lockstep.storage.iscsi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One iSCSI PDU (RFC 7143 §11): the 48-byte basic header segment (BHS), additional header segments and the data
 * segment, padded to a multiple of 4 bytes on the wire. No digests: this initiator negotiates HeaderDigest and
 * DataDigest to None. Fields are read and written at their RFC offsets; every decoding check names what was expected
 * and what was found.
 */
public final class Pdu {

    public static final int BHS_LENGTH = 48;

    // initiator opcodes (RFC 7143 §11.1.1)
    public static final int NOP_OUT = 0x00;
    public static final int SCSI_COMMAND = 0x01;
    public static final int TASK_MANAGEMENT_REQUEST = 0x02;
    public static final int LOGIN_REQUEST = 0x03;
    public static final int TEXT_REQUEST = 0x04;
    public static final int DATA_OUT = 0x05;
    public static final int LOGOUT_REQUEST = 0x06;
    public static final int SNACK_REQUEST = 0x10;

    // target opcodes
    public static final int NOP_IN = 0x20;
    public static final int SCSI_RESPONSE = 0x21;
    public static final int TASK_MANAGEMENT_RESPONSE = 0x22;
    public static final int LOGIN_RESPONSE = 0x23;
    public static final int TEXT_RESPONSE = 0x24;
    public static final int DATA_IN = 0x25;
    public static final int LOGOUT_RESPONSE = 0x26;
    public static final int R2T = 0x31;
    public static final int ASYNC_MESSAGE = 0x32;
    public static final int REJECT = 0x3F;

    /** The reserved tag: "no task" (a NOP-In the target sends on its own, a NOP-Out that answers one). */
    public static final int RESERVED_TAG = 0xFFFFFFFF;

    private final byte[] bhs;
    private final byte[] ahs;
    private byte[] data;

    private Pdu(byte[] bhs, byte[] ahs, byte[] data) {
        this.bhs = bhs;
        this.ahs = ahs;
        this.data = data;
    }

    /** A new PDU with {@code opcode} (and the immediate bit when {@code immediate}); every other field zero. */
    public static Pdu of(int opcode, boolean immediate) {
        byte[] b = new byte[BHS_LENGTH];
        b[0] = (byte) ((immediate ? 0x40 : 0) | (opcode & 0x3F));
        return new Pdu(b, new byte[0], new byte[0]);
    }

    public static String name(int opcode) {
        return switch (opcode) {
            case NOP_OUT -> "NOP-Out";
            case SCSI_COMMAND -> "SCSI Command";
            case TASK_MANAGEMENT_REQUEST -> "Task Management Function Request";
            case LOGIN_REQUEST -> "Login Request";
            case TEXT_REQUEST -> "Text Request";
            case DATA_OUT -> "SCSI Data-Out";
            case LOGOUT_REQUEST -> "Logout Request";
            case SNACK_REQUEST -> "SNACK Request";
            case NOP_IN -> "NOP-In";
            case SCSI_RESPONSE -> "SCSI Response";
            case TASK_MANAGEMENT_RESPONSE -> "Task Management Function Response";
            case LOGIN_RESPONSE -> "Login Response";
            case TEXT_RESPONSE -> "Text Response";
            case DATA_IN -> "SCSI Data-In";
            case LOGOUT_RESPONSE -> "Logout Response";
            case R2T -> "Ready To Transfer (R2T)";
            case ASYNC_MESSAGE -> "Asynchronous Message";
            case REJECT -> "Reject";
            default -> String.format("unknown opcode 0x%02x", opcode);
        };
    }

    static boolean isTargetOpcode(int opcode) {
        return switch (opcode) {
            case NOP_IN, SCSI_RESPONSE, TASK_MANAGEMENT_RESPONSE, LOGIN_RESPONSE, TEXT_RESPONSE, DATA_IN, LOGOUT_RESPONSE, R2T, ASYNC_MESSAGE,
                    REJECT -> true;
            default -> false;
        };
    }

    // --- reading and writing -----------------------------------------------------------------------------------------

    /**
     * Reads one PDU a target sent. Refuses, with an {@link IscsiProtocolException} that names the field, an opcode no
     * target sends, a data segment longer than {@code maxDataSegment} (the MaxRecvDataSegmentLength this initiator
     * declared) and a stream that ends inside a PDU.
     *
     * @throws EOFException when the target closed the connection between two PDUs
     */
    public static Pdu read(InputStream in, int maxDataSegment) throws IOException {
        byte[] bhs = new byte[BHS_LENGTH];
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the target closed the connection");
        }
        bhs[0] = (byte) first;
        readFully(in, bhs, 1, BHS_LENGTH - 1, "the basic header segment");
        int opcode = bhs[0] & 0x3F;
        if (!isTargetOpcode(opcode)) {
            throw new IscsiProtocolException(String.format("PDU from the target: expected a target opcode (0x20-0x26, 0x31, 0x32, 0x3f), found 0x%02x (%s)",
                    opcode, name(opcode)));
        }
        int ahsLength = (bhs[4] & 0xFF) * 4;
        int dataLength = ((bhs[5] & 0xFF) << 16) | ((bhs[6] & 0xFF) << 8) | (bhs[7] & 0xFF);
        if (dataLength > maxDataSegment) {
            throw new IscsiProtocolException(name(opcode) + ": a data segment of " + dataLength + " bytes, more than the MaxRecvDataSegmentLength of "
                    + maxDataSegment + " bytes this initiator declared");
        }
        byte[] ahs = new byte[ahsLength];
        readFully(in, ahs, 0, ahsLength, "the additional header segments of a " + name(opcode));
        byte[] data = new byte[dataLength];
        readFully(in, data, 0, dataLength, "the " + dataLength + "-byte data segment of a " + name(opcode));
        int pad = padding(dataLength);
        if (pad > 0) {
            readFully(in, new byte[pad], 0, pad, "the padding of a " + name(opcode));
        }
        return new Pdu(bhs, ahs, data);
    }

    private static void readFully(InputStream in, byte[] b, int off, int len, String what) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                throw new IscsiProtocolException("truncated PDU: the connection ended after " + done + " of " + len + " bytes of " + what);
            }
            done += n;
        }
    }

    static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }

    /** The PDU as it goes on the wire: BHS, AHS, data segment, padding. */
    public byte[] encode() {
        setDataSegmentLength(data.length);
        bhs[4] = (byte) (ahs.length / 4);
        byte[] out = new byte[BHS_LENGTH + ahs.length + data.length + padding(data.length)];
        System.arraycopy(bhs, 0, out, 0, BHS_LENGTH);
        System.arraycopy(ahs, 0, out, BHS_LENGTH, ahs.length);
        System.arraycopy(data, 0, out, BHS_LENGTH + ahs.length, data.length);
        return out;
    }

    public void write(OutputStream out) throws IOException {
        out.write(encode());
    }

    // --- fields --------------------------------------------------------------------------------------------------

    public int opcode() {
        return bhs[0] & 0x3F;
    }

    public boolean immediate() {
        return (bhs[0] & 0x40) != 0;
    }

    /** Byte 1: the final bit and opcode-specific flags. */
    public int flags() {
        return bhs[1] & 0xFF;
    }

    public Pdu flags(int value) {
        bhs[1] = (byte) value;
        return this;
    }

    public boolean isFinal() {
        return (bhs[1] & 0x80) != 0;
    }

    public int byteAt(int offset) {
        return bhs[offset] & 0xFF;
    }

    public Pdu byteAt(int offset, int value) {
        bhs[offset] = (byte) value;
        return this;
    }

    public int intAt(int offset) {
        return ((bhs[offset] & 0xFF) << 24) | ((bhs[offset + 1] & 0xFF) << 16) | ((bhs[offset + 2] & 0xFF) << 8) | (bhs[offset + 3] & 0xFF);
    }

    public Pdu intAt(int offset, int value) {
        bhs[offset] = (byte) (value >>> 24);
        bhs[offset + 1] = (byte) (value >>> 16);
        bhs[offset + 2] = (byte) (value >>> 8);
        bhs[offset + 3] = (byte) value;
        return this;
    }

    public int shortAt(int offset) {
        return ((bhs[offset] & 0xFF) << 8) | (bhs[offset + 1] & 0xFF);
    }

    public Pdu shortAt(int offset, int value) {
        bhs[offset] = (byte) (value >>> 8);
        bhs[offset + 1] = (byte) value;
        return this;
    }

    public Pdu bytes(int offset, byte[] value) {
        System.arraycopy(value, 0, bhs, offset, value.length);
        return this;
    }

    public byte[] bytes(int offset, int length) {
        return Arrays.copyOfRange(bhs, offset, offset + length);
    }

    public int dataSegmentLength() {
        return ((bhs[5] & 0xFF) << 16) | ((bhs[6] & 0xFF) << 8) | (bhs[7] & 0xFF);
    }

    private void setDataSegmentLength(int length) {
        if (length > 0xFFFFFF) {
            throw new IllegalArgumentException("data segment: at most 16 MiB - 1 bytes, found " + length);
        }
        bhs[5] = (byte) (length >>> 16);
        bhs[6] = (byte) (length >>> 8);
        bhs[7] = (byte) length;
    }

    /** Bytes 8-15: the LUN for SCSI PDUs (single-level, RFC 7143 §11.2.1.5 / SAM-5 addressing). */
    public Pdu lun(int lun) {
        byte[] l = new byte[8];
        if (lun < 256) {
            l[1] = (byte) lun; // peripheral device addressing
        } else if (lun < 16384) {
            l[0] = (byte) (0x40 | (lun >>> 8)); // flat space addressing
            l[1] = (byte) lun;
        } else {
            throw new IllegalArgumentException("LUN: expected 0-16383, found " + lun);
        }
        return bytes(8, l);
    }

    public int initiatorTaskTag() {
        return intAt(16);
    }

    public Pdu initiatorTaskTag(int itt) {
        return intAt(16, itt);
    }

    public byte[] data() {
        return data;
    }

    public Pdu data(byte[] value) {
        this.data = value == null ? new byte[0] : value;
        return this;
    }

    /** The basic header segment as sent or received (a Reject carries the rejected PDU's BHS as its data). */
    public byte[] header() {
        return bhs.clone();
    }

    /** A PDU made from a header alone (the BHS a Reject carries). */
    static Pdu ofHeader(byte[] header) {
        if (header.length < BHS_LENGTH) {
            throw new IllegalArgumentException("basic header segment: expected 48 bytes, found " + header.length);
        }
        return new Pdu(Arrays.copyOf(header, BHS_LENGTH), new byte[0], new byte[0]);
    }

    @Override
    public String toString() {
        return name(opcode()) + String.format(" [itt 0x%08x, flags 0x%02x, %d data bytes]", initiatorTaskTag(), flags(), data.length);
    }
}
