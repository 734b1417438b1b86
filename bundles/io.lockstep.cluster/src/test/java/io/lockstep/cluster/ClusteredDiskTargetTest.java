package io.lockstep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lockstep.storage.PrType;
import io.lockstep.storage.ScsiStatus;
import io.lockstep.storage.Sense;
import io.lockstep.storage.iscsi.IscsiServer;
import io.lockstep.storage.scsi.Cdb;
import io.lockstep.storage.scsi.ScsiResponse;
import io.lockstep.storage.scsi.ScsiTarget;
import io.lockstep.cluster.datastore.ClusteredDisk;
import io.lockstep.cluster.datastore.Datastore;

/**
 * A clustered disk served by Lockstep's iSCSI target to two initiators whose sessions are opened on two different hosts
 * (each login its own {@link ClusteredDisk}, so its own I_T nexus): the reservation commands a guest sends arrive as
 * CDBs and are answered as a shared physical disk answers them; and libiscsi's own SCSI conformance suite
 * (iscsi-test-cu, package libiscsi-bin), a client nobody here wrote, passes its reservation tests against it.
 */
class ClusteredDiskTargetTest extends InProcessClusterTest {

    static final String DISK = "/cluster/shared.vmdk";
    static final String TARGET = "iqn.2026-12.io.lockstep:shared-disk";
    static final String VM_A = "iqn.2026-12.io.lockstep:vm-a";
    static final String VM_B = "iqn.2026-12.io.lockstep:vm-b";
    static final long KEY_A = 0xA1;
    static final long KEY_B = 0xB2;

    /**
     * The reservation suites of iscsi-test-cu 1.19 and how many tests each has: every one must pass. Reserve6
     * .TargetColdReset passes by skipping itself: this target answers TARGET COLD RESET "not supported" (05), and
     * libiscsi says so ("Task Management function for ColdReset is not working/implemented"). No other suite here is
     * expected to be unsupported.
     */
    static final Map<String, Integer> SUITES = new LinkedHashMap<>();
    static {
        SUITES.put("PrinReadKeys", 2);
        SUITES.put("PrinServiceactionRange", 1);
        SUITES.put("PrinReportCapabilities", 1);
        SUITES.put("ProutRegister", 1);
        SUITES.put("ProutReserve", 13);
        SUITES.put("ProutClear", 1);
        SUITES.put("ProutPreempt", 1);
        SUITES.put("Reserve6", 7);
    }

    Datastore hostA;
    Datastore hostB;

    void twoHosts(Setup setup) throws Exception {
        AcquisitionMode mode = on(setup);
        hostA = cluster.datastore("esx-a", mode);
        hostB = cluster.datastore("esx-b", mode);
        hostA.create(DISK, EntityKind.FILE, 4 << 20);
        hostB.host().io().read(0); // B learns of the new file
    }

    /** The target as the agent would set it up: VM A's sessions are opened on host A, VM B's on host B. */
    IscsiServer target(List<String> log) throws IOException {
        IscsiServer.Masking masking = new IscsiServer.Masking()
                .lun(TARGET, 0, initiator -> (initiator.equals(VM_B) ? hostB : hostA).openClusteredDisk(DISK, initiator))
                .allow(TARGET, VM_A, VM_B);
        return new IscsiServer(new InetSocketAddress("127.0.0.1", 0), masking, IscsiServer.Options.defaults().withLog(log::add));
    }

    static byte[] sector(int value) {
        byte[] b = new byte[512];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] cdb10(int opcode) {
        byte[] cdb = new byte[10];
        cdb[0] = (byte) opcode;
        return cdb;
    }

    static void assertStatus(ScsiStatus expected, Sense sense, ScsiResponse r) {
        assertEquals(expected, r.status(), r.toString());
        if (sense != null) {
            assertTrue(r.sense() != null && r.sense().is(sense), "expected " + sense + ", found " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void reservationCommandsOfTwoGuestsOnTwoHostsAreAnsweredAsByASharedDisk(Setup setup) throws Exception {
        twoHosts(setup);
        try (ClusteredDisk a = hostA.openClusteredDisk(DISK, VM_A); ClusteredDisk b = hostB.openClusteredDisk(DISK, VM_B)) {
            ScsiTarget ta = new ScsiTarget(a, "LOCKSTEP", "VDISK");
            ScsiTarget tb = new ScsiTarget(b, "LOCKSTEP", "VDISK");
            byte[] modeSense6 = {Cdb.MODE_SENSE_6, 0, 0x3F, 0, (byte) 0xFF, 0};

            // SCSI-2: RESERVE(10) shuts the other guest out of everything but INQUIRY, REPORT LUNS, REQUEST SENSE, RELEASE
            assertStatus(ScsiStatus.GOOD, null, ta.execute(cdb10(Cdb.RESERVE_10), null));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(cdb10(Cdb.RESERVE_10), null));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(modeSense6, null));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(Cdb.testUnitReady(), null));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(Cdb.readCapacity16(), null));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(Cdb.write16(0, 1, false), sector(2)));
            assertStatus(ScsiStatus.GOOD, null, tb.execute(Cdb.inquiry(false, 0, 36), null));
            assertStatus(ScsiStatus.GOOD, null, tb.execute(cdb10(Cdb.RELEASE_10), null)); // not the holder: no effect
            assertStatus(ScsiStatus.GOOD, null, ta.execute(modeSense6, null));
            byte[] thirdParty = cdb10(Cdb.RESERVE_10);
            thirdParty[1] = 0x10;
            assertStatus(ScsiStatus.CHECK_CONDITION, Sense.INVALID_FIELD_IN_CDB, tb.execute(thirdParty, null));
            assertStatus(ScsiStatus.GOOD, null, ta.execute(cdb10(Cdb.RELEASE_10), null));
            assertStatus(ScsiStatus.GOOD, null, tb.execute(modeSense6, null));

            // PERSISTENT RESERVE IN: REPORT CAPABILITIES names the six types the engine has
            ScsiResponse caps = ta.execute(Cdb.persistentReserveIn(Cdb.PR_IN_REPORT_CAPABILITIES, 8), null);
            assertStatus(ScsiStatus.GOOD, null, caps);
            assertEquals(8, caps.dataIn()[1]);
            assertEquals(0x80, caps.dataIn()[3] & 0x80, "TMV");
            assertEquals(0xEA01, ((caps.dataIn()[4] & 0xFF) << 8) | (caps.dataIn()[5] & 0xFF), "type mask: WE, EA, WERO, EARO, WEAR, EAAR");

            // A registers and reserves Write Exclusive – Registrants Only; B, not registered, may read but not write
            assertStatus(ScsiStatus.GOOD, null, ta.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_REGISTER, null), Cdb.prOutParameters(0, KEY_A)));
            assertStatus(ScsiStatus.GOOD, null, ta.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_RESERVE, PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY),
                    Cdb.prOutParameters(KEY_A, 0)));
            assertStatus(ScsiStatus.GOOD, null, ta.execute(Cdb.write16(0, 1, true), sector(1)));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, tb.execute(Cdb.write16(0, 1, true), sector(2)));
            assertArrayEquals(sector(1), tb.execute(Cdb.read16(0, 1), null).dataIn());

            // READ FULL STATUS (from the other host): A's key, R_HOLDER, type 5, A's iSCSI name as TransportID
            assertStatus(ScsiStatus.GOOD, null, tb.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_REGISTER, null), Cdb.prOutParameters(0, KEY_B)));
            ScsiResponse full = tb.execute(Cdb.persistentReserveIn(Cdb.PR_IN_READ_FULL_STATUS, 1024), null);
            assertStatus(ScsiStatus.GOOD, null, full);
            ByteBuffer d = ByteBuffer.wrap(full.dataIn());
            int length = d.getInt(4);
            assertEquals(full.dataIn().length - 8, length);
            Map<Long, String> names = new LinkedHashMap<>();
            int holders = 0;
            for (int off = 8; off < 8 + length;) {
                long key = d.getLong(off);
                boolean holder = (d.get(off + 12) & 0x01) != 0;
                if (holder) {
                    holders++;
                    assertEquals(KEY_A, key);
                    assertEquals(PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY.code(), d.get(off + 13) & 0x0F);
                }
                int tidLength = d.getInt(off + 20);
                assertEquals(0x05, d.get(off + 24) & 0xFF, "TransportID protocol: iSCSI");
                byte[] name = Arrays.copyOfRange(full.dataIn(), off + 28, off + 24 + tidLength);
                names.put(key, new String(name, StandardCharsets.UTF_8).replace("\0", ""));
                off += 24 + tidLength;
            }
            assertEquals(Map.of(KEY_A, VM_A, KEY_B, VM_B), names);
            assertEquals(1, holders);

            // B preempts and aborts A: A hears REGISTRATIONS PREEMPTED once, then RESERVATION CONFLICT; B writes
            assertStatus(ScsiStatus.GOOD, null, tb.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_PREEMPT_AND_ABORT,
                    PrType.WRITE_EXCLUSIVE_REGISTRANTS_ONLY), Cdb.prOutParameters(KEY_B, KEY_A)));
            assertStatus(ScsiStatus.GOOD, null, tb.execute(Cdb.write16(0, 1, true), sector(2)));
            assertStatus(ScsiStatus.CHECK_CONDITION, Sense.REGISTRATIONS_PREEMPTED, ta.execute(Cdb.write16(0, 1, true), sector(1)));
            assertStatus(ScsiStatus.RESERVATION_CONFLICT, null, ta.execute(Cdb.write16(0, 1, true), sector(1)));
            assertArrayEquals(sector(2), ta.execute(Cdb.read16(0, 1), null).dataIn());
            ScsiResponse r = ta.execute(Cdb.persistentReserveIn(Cdb.PR_IN_READ_RESERVATION, 24), null);
            assertEquals(KEY_B, ByteBuffer.wrap(r.dataIn()).getLong(8));

            // CLEAR by B: B's registration and reservation go; A has nothing left to lose, no unit attention
            assertStatus(ScsiStatus.GOOD, null, tb.execute(Cdb.persistentReserveOut(Cdb.PR_OUT_CLEAR, null), Cdb.prOutParameters(KEY_B, 0)));
            assertStatus(ScsiStatus.GOOD, null, ta.execute(Cdb.write16(1, 1, true), sector(3)));
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void libiscsiConformanceSuitePassesItsReservationTests(Setup setup) throws Exception {
        assumeTrue(onPath("iscsi-test-cu"), "iscsi-test-cu is not installed (Debian package libiscsi-bin, listed in "
                + "releng/debian-packages.txt): libiscsi's reservation tests were not run");
        twoHosts(setup);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (IscsiServer server = target(log)) {
            String url = server.uri(TARGET, 0);
            List<String> failures = new ArrayList<>();
            Pattern summary = Pattern.compile("tests\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)");
            for (Map.Entry<String, Integer> suite : SUITES.entrySet()) {
                String out = run("iscsi-test-cu", "--dataloss", "-i", VM_A, "-I", VM_B, "-t", "ALL." + suite.getKey(), url);
                Matcher m = summary.matcher(out);
                if (!m.find()) {
                    failures.add(suite.getKey() + ": no run summary in:\n" + out);
                    continue;
                }
                int total = Integer.parseInt(m.group(1));
                int ran = Integer.parseInt(m.group(2));
                int passed = Integer.parseInt(m.group(3));
                int failed = Integer.parseInt(m.group(4));
                if (total != suite.getValue() || ran != total || passed != total || failed != 0) {
                    failures.add(String.format("%s: expected %d tests run and passed, found %d total, %d ran, %d passed, %d failed:%n%s",
                            suite.getKey(), suite.getValue(), total, ran, passed, failed, out));
                }
            }
            assertTrue(failures.isEmpty(), String.join("\n\n", failures) + "\n\ntarget log:\n" + String.join("\n", log));
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool with its output in a file; killed after 120 s. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lockstep-hs-tool", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s:\n" + Files.readString(out));
            }
            return Files.readString(out, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
