package io.lockstep.storage.scsi;

import java.nio.ByteBuffer;

import io.lockstep.storage.PrType;

/** Command descriptor blocks of the commands Lockstep speaks (SBC-3, SPC-4), built as initiators send them. */
public final class Cdb {

    public static final int TEST_UNIT_READY = 0x00;
    public static final int READ_6 = 0x08;
    public static final int WRITE_6 = 0x0A;
    public static final int INQUIRY = 0x12;
    public static final int MODE_SENSE_6 = 0x1A;
    public static final int START_STOP_UNIT = 0x1B;
    public static final int READ_CAPACITY_10 = 0x25;
    public static final int READ_10 = 0x28;
    public static final int WRITE_10 = 0x2A;
    public static final int MODE_SENSE_10 = 0x5A;
    public static final int SYNCHRONIZE_CACHE_16 = 0x91;
    public static final int REPORT_LUNS = 0xA0;
    public static final int RESERVE_6 = 0x16;
    public static final int RELEASE_6 = 0x17;
    public static final int RESERVE_10 = 0x56;
    public static final int RELEASE_10 = 0x57;
    public static final int SYNCHRONIZE_CACHE_10 = 0x35;
    public static final int PERSISTENT_RESERVE_IN = 0x5E;
    public static final int PERSISTENT_RESERVE_OUT = 0x5F;
    public static final int READ_16 = 0x88;
    public static final int COMPARE_AND_WRITE = 0x89;
    public static final int WRITE_16 = 0x8A;
    public static final int SERVICE_ACTION_IN_16 = 0x9E;
    public static final int MAINTENANCE_IN = 0xA3;
    public static final int REPORT_SUPPORTED_OPERATION_CODES = 0x0C; // service action of 0xA3
    public static final int READ_CAPACITY_16 = 0x10; // service action of 0x9E

    /** PERSISTENT RESERVE IN service actions. */
    public static final int PR_IN_READ_KEYS = 0x00;
    public static final int PR_IN_READ_RESERVATION = 0x01;
    public static final int PR_IN_REPORT_CAPABILITIES = 0x02;
    public static final int PR_IN_READ_FULL_STATUS = 0x03;

    /** PERSISTENT RESERVE OUT service actions. */
    public static final int PR_OUT_REGISTER = 0x00;
    public static final int PR_OUT_RESERVE = 0x01;
    public static final int PR_OUT_RELEASE = 0x02;
    public static final int PR_OUT_CLEAR = 0x03;
    public static final int PR_OUT_PREEMPT = 0x04;
    public static final int PR_OUT_PREEMPT_AND_ABORT = 0x05;
    public static final int PR_OUT_REGISTER_AND_IGNORE = 0x06;
    public static final int PR_OUT_REGISTER_AND_MOVE = 0x07;

    /** The parameter list of PERSISTENT RESERVE OUT (SPC-4 6.16.3): 24 bytes. */
    public static final int PR_OUT_PARAMETER_LENGTH = 24;

    private Cdb() {
    }

    public static byte[] read16(long lba, int blocks) {
        return rw16(READ_16, lba, blocks, false);
    }

    public static byte[] write16(long lba, int blocks, boolean fua) {
        return rw16(WRITE_16, lba, blocks, fua);
    }

    public static byte[] compareAndWrite(long lba, int blocks) {
        byte[] cdb = rw16(COMPARE_AND_WRITE, lba, 0, false);
        cdb[13] = (byte) blocks;
        return cdb;
    }

    private static byte[] rw16(int opcode, long lba, int blocks, boolean fua) {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.put((byte) opcode);
        b.put((byte) (fua ? 0x08 : 0));
        b.putLong(lba);
        b.putInt(blocks);
        return b.array();
    }

    public static byte[] reserve6() {
        return new byte[] {RESERVE_6, 0, 0, 0, 0, 0};
    }

    public static byte[] release6() {
        return new byte[] {RELEASE_6, 0, 0, 0, 0, 0};
    }

    public static byte[] testUnitReady() {
        return new byte[6];
    }

    public static byte[] readCapacity16() {
        byte[] cdb = new byte[16];
        cdb[0] = (byte) SERVICE_ACTION_IN_16;
        cdb[1] = READ_CAPACITY_16;
        cdb[13] = 32;
        return cdb;
    }

    public static byte[] persistentReserveIn(int serviceAction, int allocationLength) {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) PERSISTENT_RESERVE_IN;
        cdb[1] = (byte) (serviceAction & 0x1F);
        cdb[7] = (byte) (allocationLength >>> 8);
        cdb[8] = (byte) allocationLength;
        return cdb;
    }

    /** PERSISTENT RESERVE OUT with scope "logical unit" and {@code type} (null for service actions without one). */
    public static byte[] persistentReserveOut(int serviceAction, PrType type) {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) PERSISTENT_RESERVE_OUT;
        cdb[1] = (byte) (serviceAction & 0x1F);
        cdb[2] = (byte) (type == null ? 0 : type.code());
        cdb[8] = PR_OUT_PARAMETER_LENGTH;
        return cdb;
    }

    /** The 24-byte PERSISTENT RESERVE OUT parameter list. */
    public static byte[] prOutParameters(long reservationKey, long serviceActionKey) {
        ByteBuffer b = ByteBuffer.allocate(PR_OUT_PARAMETER_LENGTH);
        b.putLong(reservationKey);
        b.putLong(serviceActionKey);
        return b.array();
    }

    /** INQUIRY: standard data, or (with {@code evpd}) the vital product data page {@code page}. */
    public static byte[] inquiry(boolean evpd, int page, int allocationLength) {
        return new byte[] {INQUIRY, (byte) (evpd ? 1 : 0), (byte) page, (byte) (allocationLength >>> 8), (byte) allocationLength, 0};
    }

    /** SYNCHRONIZE CACHE(10) of the whole logical unit. */
    public static byte[] synchronizeCache10() {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) SYNCHRONIZE_CACHE_10;
        return cdb;
    }

    /**
     * REPORT SUPPORTED OPERATION CODES for one command (reporting options 001b, or 010b with a service action when
     * {@code serviceAction} is not negative), 64 bytes allocated.
     */
    public static byte[] reportSupportedOperationCode(int opcode, int serviceAction) {
        byte[] cdb = new byte[12];
        cdb[0] = (byte) MAINTENANCE_IN;
        cdb[1] = REPORT_SUPPORTED_OPERATION_CODES;
        cdb[2] = (byte) (serviceAction < 0 ? 0x01 : 0x02);
        cdb[3] = (byte) opcode;
        if (serviceAction >= 0) {
            cdb[4] = (byte) (serviceAction >>> 8);
            cdb[5] = (byte) serviceAction;
        }
        cdb[9] = 64;
        return cdb;
    }
}
