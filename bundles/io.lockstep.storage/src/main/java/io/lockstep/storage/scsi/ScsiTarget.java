package io.lockstep.storage.scsi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.PrKeys;
import io.lockstep.storage.PrReservation;
import io.lockstep.storage.PrType;
import io.lockstep.storage.ScsiException;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;

/**
 * Serves SCSI command descriptor blocks from one initiator against a {@link Medium}: decodes the CDB (and the
 * data-out a command carries), runs it, and answers with status, sense and data-in as a target does. Guests
 * talk to their virtual disks through this; an unknown opcode, service action or field is answered with
 * ILLEGAL REQUEST and the sense that names it, and nothing is done.
 */
public final class ScsiTarget {

    private final Medium lu;
    private final String vendor;
    private final String product;

    public ScsiTarget(Medium lu, String vendor, String product) {
        this.lu = lu;
        this.vendor = vendor;
        this.product = product;
    }

    public ScsiResponse execute(byte[] cdb, byte[] dataOut) {
        try {
            return ScsiResponse.good(dispatch(cdb, dataOut == null ? new byte[0] : dataOut));
        } catch (ScsiException e) {
            return new ScsiResponse(e.status(), e.sense(), new byte[0], e.getMessage());
        } catch (IOException e) {
            return new ScsiResponse(ScsiStatus.CHECK_CONDITION, Sense.INTERNAL_TARGET_FAILURE, new byte[0], e.toString());
        }
    }

    private byte[] dispatch(byte[] cdb, byte[] dataOut) throws IOException {
        if (cdb == null || cdb.length < 6) {
            throw illegal("CDB", Sense.INVALID_FIELD_IN_CDB, "a CDB has at least 6 bytes, found " + (cdb == null ? 0 : cdb.length));
        }
        int opcode = cdb[0] & 0xFF;
        ByteBuffer b = ByteBuffer.wrap(cdb);
        return switch (opcode) {
            case Cdb.TEST_UNIT_READY -> new byte[0];
            case Cdb.INQUIRY -> inquiry();
            case Cdb.RESERVE_6 -> {
                lu.reserve();
                yield new byte[0];
            }
            case Cdb.RELEASE_6 -> {
                lu.release();
                yield new byte[0];
            }
            case Cdb.READ_16 -> {
                need(cdb, 16, "READ(16)");
                yield lu.read(b.getLong(2), b.getInt(10));
            }
            case Cdb.WRITE_16 -> {
                need(cdb, 16, "WRITE(16)");
                int blocks = b.getInt(10);
                if (dataOut.length != blocks * lu.sectorSize()) {
                    throw illegal("WRITE(16)", Sense.INVALID_FIELD_IN_CDB, "transfer length " + blocks + " blocks but "
                            + dataOut.length + " bytes of data");
                }
                lu.write(b.getLong(2), dataOut, (cdb[1] & 0x08) != 0);
                yield new byte[0];
            }
            case Cdb.COMPARE_AND_WRITE -> {
                need(cdb, 16, "COMPARE AND WRITE");
                int blocks = cdb[13] & 0xFF;
                int half = blocks * lu.sectorSize();
                if (dataOut.length != 2 * half) {
                    throw illegal("COMPARE AND WRITE", Sense.INVALID_FIELD_IN_CDB, "expected " + 2 * half + " bytes (verify + write), found "
                            + dataOut.length);
                }
                lu.compareAndWrite(b.getLong(2), java.util.Arrays.copyOfRange(dataOut, 0, half),
                        java.util.Arrays.copyOfRange(dataOut, half, 2 * half));
                yield new byte[0];
            }
            case Cdb.SYNCHRONIZE_CACHE_10 -> {
                lu.flush();
                yield new byte[0];
            }
            case Cdb.SERVICE_ACTION_IN_16 -> {
                if ((cdb[1] & 0x1F) != Cdb.READ_CAPACITY_16) {
                    throw illegal("SERVICE ACTION IN(16)", Sense.INVALID_FIELD_IN_CDB, String.format("service action 0x%02x", cdb[1] & 0x1F));
                }
                ByteBuffer cap = ByteBuffer.allocate(32);
                cap.putLong(lu.sectorCount() - 1);
                cap.putInt(lu.sectorSize());
                yield cap.array();
            }
            case Cdb.PERSISTENT_RESERVE_IN -> persistentReserveIn(cdb);
            case Cdb.PERSISTENT_RESERVE_OUT -> persistentReserveOut(cdb, dataOut);
            default -> throw illegal(String.format("opcode 0x%02x", opcode), Sense.INVALID_COMMAND_OPERATION_CODE,
                    "this target does not implement it");
        };
    }

    private byte[] persistentReserveIn(byte[] cdb) throws IOException {
        int sa = cdb[1] & 0x1F;
        int allocation = ((cdb[7] & 0xFF) << 8) | (cdb[8] & 0xFF);
        byte[] full;
        switch (sa) {
            case Cdb.PR_IN_READ_KEYS -> {
                PrKeys keys = lu.readKeys();
                ByteBuffer d = ByteBuffer.allocate(8 + 8 * keys.keys().size());
                d.putInt((int) keys.generation());
                d.putInt(8 * keys.keys().size());
                keys.keys().forEach(d::putLong);
                full = d.array();
            }
            case Cdb.PR_IN_READ_RESERVATION -> {
                PrReservation r = lu.readReservation();
                ByteBuffer d = ByteBuffer.allocate(r.present() ? 24 : 8);
                d.putInt((int) r.generation());
                d.putInt(r.present() ? 16 : 0);
                if (r.present()) {
                    d.putLong(r.key());
                    d.putInt(0);
                    d.put((byte) 0);
                    d.put((byte) r.type().code()); // scope 0 (logical unit) | type
                    d.putShort((short) 0);
                }
                full = d.array();
            }
            default -> throw illegal("PERSISTENT RESERVE IN", Sense.INVALID_FIELD_IN_CDB, String.format(
                    "service action 0x%02x is not READ KEYS (0) or READ RESERVATION (1)", sa));
        }
        return java.util.Arrays.copyOf(full, Math.min(full.length, allocation));
    }

    private byte[] persistentReserveOut(byte[] cdb, byte[] dataOut) throws IOException {
        String cmd = "PERSISTENT RESERVE OUT";
        need(cdb, 10, cmd);
        int sa = cdb[1] & 0x1F;
        int scope = (cdb[2] >>> 4) & 0x0F;
        int length = ByteBuffer.wrap(cdb).getInt(5);
        if (length != Cdb.PR_OUT_PARAMETER_LENGTH || dataOut.length != Cdb.PR_OUT_PARAMETER_LENGTH) {
            throw illegal(cmd, Sense.PARAMETER_LIST_LENGTH_ERROR, "parameter list length must be 24, found " + length
                    + " (" + dataOut.length + " bytes sent)");
        }
        if (scope != 0) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, "scope " + scope + " is not logical unit (0)");
        }
        ByteBuffer p = ByteBuffer.wrap(dataOut);
        long key = p.getLong(0);
        long saKey = p.getLong(8);
        if ((dataOut[20] & 0x0D) != 0) { // SPEC_I_PT, ALL_TG_PT, APTPL
            throw illegal(cmd, Sense.INVALID_FIELD_IN_PARAMETER_LIST, "SPEC_I_PT, ALL_TG_PT and APTPL are not supported");
        }
        switch (sa) {
            case Cdb.PR_OUT_REGISTER -> lu.register(key, saKey);
            case Cdb.PR_OUT_REGISTER_AND_IGNORE -> lu.registerAndIgnoreExistingKey(saKey);
            case Cdb.PR_OUT_RESERVE -> lu.reserve(key, type(cmd, cdb));
            case Cdb.PR_OUT_RELEASE -> lu.release(key, type(cmd, cdb));
            case Cdb.PR_OUT_CLEAR -> lu.clear(key);
            case Cdb.PR_OUT_PREEMPT -> lu.preempt(key, saKey, type(cmd, cdb));
            default -> throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, String.format(
                    "service action 0x%02x is not one of REGISTER (0), RESERVE (1), RELEASE (2), CLEAR (3), PREEMPT (4), "
                            + "REGISTER AND IGNORE EXISTING KEY (6)", sa));
        }
        return new byte[0];
    }

    private static PrType type(String cmd, byte[] cdb) throws CheckConditionException {
        try {
            return PrType.of(cdb[2] & 0x0F);
        } catch (IllegalArgumentException e) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, e.getMessage());
        }
    }

    private byte[] inquiry() {
        byte[] d = new byte[36];
        d[0] = 0x00; // direct-access block device
        d[2] = 0x06; // SPC-4
        d[3] = 0x02;
        d[4] = 31;
        d[7] = 0x02; // CMDQUE
        put(d, 8, vendor, 8);
        put(d, 16, product, 16);
        put(d, 32, "0001", 4);
        return d;
    }

    private static void put(byte[] d, int off, String s, int len) {
        byte[] b = (s + " ".repeat(len)).substring(0, len).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, d, off, len);
    }

    private static void need(byte[] cdb, int length, String cmd) throws CheckConditionException {
        if (cdb.length < length) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, "its CDB has " + length + " bytes, found " + cdb.length);
        }
    }

    private static CheckConditionException illegal(String cmd, Sense sense, String detail) {
        return new CheckConditionException(cmd, sense, detail);
    }

    /** Keys of a READ KEYS data-in, for initiators and tests. */
    public static List<Long> keysOf(byte[] readKeysData) {
        ByteBuffer d = ByteBuffer.wrap(readKeysData);
        int n = d.getInt(4) / 8;
        List<Long> keys = new java.util.ArrayList<>();
        for (int i = 0; i < n && 8 + 8 * (i + 1) <= readKeysData.length; i++) {
            keys.add(d.getLong(8 + 8 * i));
        }
        return keys;
    }
}
