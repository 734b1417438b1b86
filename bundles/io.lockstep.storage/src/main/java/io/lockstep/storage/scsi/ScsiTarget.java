package io.lockstep.storage.scsi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lockstep.storage.CheckConditionException;
import io.lockstep.storage.Medium;
import io.lockstep.storage.PrFullStatus;
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

    /** The largest READ or WRITE this target takes, in bytes (announced in the Block Limits VPD page). */
    public static final int MAX_TRANSFER_BYTES = 8 << 20;

    public ScsiTarget(Medium lu, String vendor, String product) {
        this.lu = lu;
        this.vendor = vendor;
        this.product = product;
    }

    /** The medium this target serves (one initiator's view of the logical unit). */
    public Medium medium() {
        return lu;
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
            case Cdb.TEST_UNIT_READY -> {
                lu.testUnitReady();
                lu.checkScsi2Reservation("TEST UNIT READY");
                yield new byte[0];
            }
            case Cdb.INQUIRY -> inquiry(cdb);
            case Cdb.START_STOP_UNIT -> {
                lu.checkScsi2Reservation("START STOP UNIT");
                yield new byte[0];
            }
            case Cdb.READ_6 -> {
                int blocks = cdb[4] & 0xFF;
                yield read("READ(6)", (((cdb[1] & 0x1F) << 16) | ((cdb[2] & 0xFF) << 8) | (cdb[3] & 0xFF)), blocks == 0 ? 256 : blocks);
            }
            case Cdb.WRITE_6 -> {
                int blocks = cdb[4] & 0xFF;
                yield write("WRITE(6)", (((cdb[1] & 0x1F) << 16) | ((cdb[2] & 0xFF) << 8) | (cdb[3] & 0xFF)), blocks == 0 ? 256 : blocks,
                        false, dataOut);
            }
            case Cdb.READ_10 -> {
                need(cdb, 10, "READ(10)");
                yield read("READ(10)", b.getInt(2) & 0xFFFFFFFFL, b.getShort(7) & 0xFFFF);
            }
            case Cdb.WRITE_10 -> {
                need(cdb, 10, "WRITE(10)");
                yield write("WRITE(10)", b.getInt(2) & 0xFFFFFFFFL, b.getShort(7) & 0xFFFF, (cdb[1] & 0x08) != 0, dataOut);
            }
            case Cdb.READ_CAPACITY_10 -> {
                need(cdb, 10, "READ CAPACITY(10)");
                lu.checkScsi2Reservation("READ CAPACITY(10)");
                ByteBuffer cap = ByteBuffer.allocate(8);
                cap.putInt((int) Math.min(0xFFFFFFFFL, lu.sectorCount() - 1));
                cap.putInt(lu.sectorSize());
                yield cap.array();
            }
            case Cdb.MODE_SENSE_6 -> {
                lu.checkScsi2Reservation("MODE SENSE(6)");
                yield modeSense(cdb, false);
            }
            case Cdb.MODE_SENSE_10 -> {
                need(cdb, 10, "MODE SENSE(10)");
                lu.checkScsi2Reservation("MODE SENSE(10)");
                yield modeSense(cdb, true);
            }
            case Cdb.SYNCHRONIZE_CACHE_16 -> {
                lu.flush();
                yield new byte[0];
            }
            case Cdb.RESERVE_6 -> {
                lu.reserve();
                yield new byte[0];
            }
            case Cdb.RELEASE_6 -> {
                lu.release();
                yield new byte[0];
            }
            case Cdb.RESERVE_10, Cdb.RELEASE_10 -> {
                String cmd = opcode == Cdb.RESERVE_10 ? "RESERVE(10)" : "RELEASE(10)";
                need(cdb, 10, cmd);
                if ((cdb[1] & 0x12) != 0) { // 3RDPTY, LONGID
                    throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, "third-party reservations (3RDPTY, LONGID) are not supported");
                }
                if (opcode == Cdb.RESERVE_10) {
                    lu.reserve();
                } else {
                    lu.release();
                }
                yield new byte[0];
            }
            case Cdb.READ_16 -> {
                need(cdb, 16, "READ(16)");
                yield read("READ(16)", b.getLong(2), b.getInt(10) & 0xFFFFFFFFL);
            }
            case Cdb.WRITE_16 -> {
                need(cdb, 16, "WRITE(16)");
                yield write("WRITE(16)", b.getLong(2), b.getInt(10) & 0xFFFFFFFFL, (cdb[1] & 0x08) != 0, dataOut);
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
                lu.checkScsi2Reservation("READ CAPACITY(16)");
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

    private byte[] read(String cmd, long lba, long blocks) throws IOException {
        checkTransfer(cmd, lba, blocks);
        return blocks == 0 ? new byte[0] : lu.read(lba, (int) blocks);
    }

    private byte[] write(String cmd, long lba, long blocks, boolean fua, byte[] dataOut) throws IOException {
        checkTransfer(cmd, lba, blocks);
        if (dataOut.length != blocks * lu.sectorSize()) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, "transfer length " + blocks + " blocks but " + dataOut.length + " bytes of data");
        }
        if (blocks > 0) {
            lu.write(lba, dataOut, fua);
        }
        return new byte[0];
    }

    /** A transfer beyond the Block Limits or the end of the medium is refused before anything is allocated. */
    private void checkTransfer(String cmd, long lba, long blocks) throws CheckConditionException {
        if (blocks * lu.sectorSize() > MAX_TRANSFER_BYTES) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, "transfer length " + blocks + " blocks, more than the "
                    + MAX_TRANSFER_BYTES / lu.sectorSize() + " of the Block Limits page");
        }
        if (lba < 0 || blocks > lu.sectorCount() || lba > lu.sectorCount() - blocks) {
            throw illegal(cmd, Sense.LBA_OUT_OF_RANGE, "sectors " + Long.toUnsignedString(lba) + "+" + blocks + " beyond the "
                    + lu.sectorCount() + " sectors of the medium");
        }
    }

    /**
     * MODE SENSE(6)/(10): no block descriptors; the Caching page (write cache enabled: SYNCHRONIZE CACHE makes writes
     * durable) and the Control page, alone or all (0x3F). The device-specific byte says DPOFUA and not write-protected.
     */
    private byte[] modeSense(byte[] cdb, boolean ten) throws CheckConditionException {
        String cmd = ten ? "MODE SENSE(10)" : "MODE SENSE(6)";
        int page = cdb[2] & 0x3F;
        java.io.ByteArrayOutputStream pages = new java.io.ByteArrayOutputStream();
        if (page == 0x08 || page == 0x3F) {
            byte[] caching = new byte[20];
            caching[0] = 0x08;
            caching[1] = 0x12;
            caching[2] = 0x04; // WCE, as current, default and changeable values alike
            pages.writeBytes(caching);
        }
        if (page == 0x0A || page == 0x3F) {
            byte[] control = new byte[12];
            control[0] = 0x0A;
            control[1] = 0x0A;
            pages.writeBytes(control);
        }
        if (pages.size() == 0 && page != 0x00) {
            throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, String.format("mode page 0x%02x is not one of 0x08 (Caching), 0x0A (Control), "
                    + "0x3F (all)", page));
        }
        byte[] p = pages.toByteArray();
        int header = ten ? 8 : 4;
        byte[] out = new byte[header + p.length];
        if (ten) {
            out[0] = (byte) ((out.length - 2) >>> 8);
            out[1] = (byte) (out.length - 2);
            out[3] = 0x10; // DPOFUA
        } else {
            out[0] = (byte) (out.length - 1);
            out[2] = 0x10; // DPOFUA
        }
        System.arraycopy(p, 0, out, header, p.length);
        int allocation = ten ? ((cdb[7] & 0xFF) << 8) | (cdb[8] & 0xFF) : cdb[4] & 0xFF;
        return java.util.Arrays.copyOf(out, Math.min(out.length, allocation));
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
            case Cdb.PR_IN_REPORT_CAPABILITIES -> full = reportCapabilities();
            case Cdb.PR_IN_READ_FULL_STATUS -> full = readFullStatus(lu.readFullStatus());
            default -> throw illegal("PERSISTENT RESERVE IN", Sense.INVALID_FIELD_IN_CDB, String.format(
                    "service action 0x%02x is not READ KEYS (0), READ RESERVATION (1), REPORT CAPABILITIES (2) or READ FULL STATUS (3)", sa));
        }
        return java.util.Arrays.copyOf(full, Math.min(full.length, allocation));
    }

    /**
     * REPORT CAPABILITIES (SPC-4 6.15.4): the type mask names the six types of {@link PrType}; TMV says it is valid.
     * Not CRH (SCSI-2 and persistent reservations are independent here, see docs/storage.md), no SPEC_I_PT, ALL_TG_PT
     * or persist-through-power-loss; ALLOW COMMANDS 0 (no information).
     */
    private static byte[] reportCapabilities() {
        byte[] d = new byte[8];
        d[1] = 8;
        d[3] = (byte) 0x80; // TMV
        int mask = 0;
        for (PrType t : PrType.values()) {
            mask |= switch (t) {
                case WRITE_EXCLUSIVE -> 0x0200;
                case EXCLUSIVE_ACCESS -> 0x0800;
                case WRITE_EXCLUSIVE_REGISTRANTS_ONLY -> 0x2000;
                case EXCLUSIVE_ACCESS_REGISTRANTS_ONLY -> 0x4000;
                case WRITE_EXCLUSIVE_ALL_REGISTRANTS -> 0x8000;
                case EXCLUSIVE_ACCESS_ALL_REGISTRANTS -> 0x0001;
            };
        }
        d[4] = (byte) (mask >>> 8);
        d[5] = (byte) mask;
        return d;
    }

    /**
     * READ FULL STATUS (SPC-4 6.15.5): one descriptor per registration, with R_HOLDER, the reservation's scope and type
     * for holders, relative target port 1 and the initiator's iSCSI TransportID (format 00: the name, NUL-terminated,
     * padded to a multiple of 4 bytes, at least 20).
     */
    static byte[] readFullStatus(PrFullStatus status) {
        java.io.ByteArrayOutputStream descriptors = new java.io.ByteArrayOutputStream();
        for (PrFullStatus.Registrant r : status.registrants()) {
            byte[] name = r.initiator().getBytes(StandardCharsets.UTF_8);
            int nameField = Math.max(16, (name.length + 1 + 3) / 4 * 4);
            ByteBuffer t = ByteBuffer.allocate(4 + nameField);
            t.put((byte) 0x05); // format 00, protocol identifier 5 (iSCSI)
            t.put((byte) 0);
            t.putShort((short) nameField);
            t.put(name);
            ByteBuffer d = ByteBuffer.allocate(24 + t.capacity());
            d.putLong(r.key());
            d.putInt(0);
            d.put((byte) (r.holder() ? 0x01 : 0x00)); // R_HOLDER
            d.put((byte) (r.holder() && r.type() != null ? r.type().code() : 0)); // scope 0 (logical unit) | type
            d.putInt(0);
            d.putShort((short) 1); // relative target port identifier
            d.putInt(t.capacity());
            d.put(t.array());
            descriptors.writeBytes(d.array());
        }
        byte[] body = descriptors.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + body.length);
        out.putInt((int) status.generation());
        out.putInt(body.length);
        out.put(body);
        return out.array();
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
            // Every session runs its commands one at a time and each command is done before its status goes out, so
            // when PREEMPT AND ABORT is executed the victims have no task left to abort: it is PREEMPT.
            case Cdb.PR_OUT_PREEMPT_AND_ABORT -> lu.preempt(key, saKey, type(cmd, cdb));
            default -> throw illegal(cmd, Sense.INVALID_FIELD_IN_CDB, String.format(
                    "service action 0x%02x is not one of REGISTER (0), RESERVE (1), RELEASE (2), CLEAR (3), PREEMPT (4), "
                            + "PREEMPT AND ABORT (5), REGISTER AND IGNORE EXISTING KEY (6)", sa));
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

    /** INQUIRY: standard data or the VPD pages 0x00, 0x80 (serial), 0x83 (identification), 0xB0 (Block Limits), 0xB1 (Block Device Characteristics). */
    private byte[] inquiry(byte[] cdb) throws CheckConditionException {
        int allocation = ((cdb[3] & 0xFF) << 8) | (cdb[4] & 0xFF);
        byte[] d;
        if ((cdb[1] & 0x01) == 0) {
            if (cdb[2] != 0) {
                throw illegal("INQUIRY", Sense.INVALID_FIELD_IN_CDB, String.format("page code 0x%02x without EVPD", cdb[2] & 0xFF));
            }
            d = standardInquiry();
        } else {
            d = vpd(cdb[2] & 0xFF);
        }
        return java.util.Arrays.copyOf(d, Math.min(d.length, allocation));
    }

    /** A serial number of this logical unit: stable for its URI, the same for every initiator. */
    private String serial() {
        return String.format("%016x", (long) lu.uri().hashCode() * 0x9E3779B97F4A7C15L);
    }

    private byte[] vpd(int page) throws CheckConditionException {
        switch (page) {
            case 0x00 -> {
                return new byte[] {0, 0x00, 0, 5, 0x00, (byte) 0x80, (byte) 0x83, (byte) 0xB0, (byte) 0xB1};
            }
            case 0x80 -> {
                byte[] s = serial().getBytes(StandardCharsets.US_ASCII);
                byte[] d = new byte[4 + s.length];
                d[1] = (byte) 0x80;
                d[3] = (byte) s.length;
                System.arraycopy(s, 0, d, 4, s.length);
                return d;
            }
            case 0x83 -> {
                byte[] id = new byte[8 + 16 + 16];
                put(id, 0, vendor, 8);
                put(id, 8, product, 16);
                put(id, 24, serial(), 16);
                byte[] d = new byte[4 + 4 + id.length];
                d[1] = (byte) 0x83;
                d[3] = (byte) (4 + id.length);
                d[4] = 0x02; // code set ASCII
                d[5] = 0x01; // association: logical unit; designator type: T10 vendor ID
                d[7] = (byte) id.length;
                System.arraycopy(id, 0, d, 8, id.length);
                return d;
            }
            case 0xB0 -> {
                ByteBuffer d = ByteBuffer.allocate(64);
                d.put(1, (byte) 0xB0);
                d.putShort(2, (short) 60);
                d.put(5, (byte) (lu.capabilities().compareAndWrite() ? Math.min(255, lu.capabilities().maxCompareAndWriteSectors()) : 0));
                d.putInt(8, MAX_TRANSFER_BYTES / lu.sectorSize()); // MAXIMUM TRANSFER LENGTH
                return d.array();
            }
            case 0xB1 -> { // Block Device Characteristics: rotation rate and form factor not reported
                byte[] d = new byte[64];
                d[1] = (byte) 0xB1;
                d[3] = 60;
                return d;
            }
            default -> throw illegal("INQUIRY", Sense.INVALID_FIELD_IN_CDB, String.format(
                    "VPD page 0x%02x is not one of 0x00, 0x80, 0x83, 0xB0, 0xB1", page));
        }
    }

    private byte[] standardInquiry() {
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
