package io.lockstep.ft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.vdisk.DiskChain;

/**
 * The pair for machines held from outside (QEMU guests), over a real socket and a real datastore, with a machine made
 * of a byte array: the backup's copy is the primary's memory of the last acknowledged epoch, page for page, with its
 * device state; an output or disk write of an epoch leaves only once that epoch is acknowledged; when the primary
 * dies, the backup wins the go-live record and starts from the last epoch with the disk writes the primary had not
 * made durable; a primary that loses its backup runs on unprotected with what it held released.
 */
class MachinePairTest {

    static final int PAGES = 256;
    static final long MEMORY = PAGES * 4096L;
    static final String KEY = "ab".repeat(32);

    @TempDir
    Path dir;
    Datastore hostA;
    Datastore hostB;
    Path disk;
    final List<String> said = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Fixture f = new Fixture(dir);
        disk = f.disk("vm");
        hostA = f.host("esx-a");
        hostB = f.host("esx-b");
    }

    @AfterEach
    void tearDown() throws Exception {
        hostA.close();
        hostB.close();
    }

    /** A machine of PAGES pages and a 9,000-byte device state; its outputs are strings tagged with the epoch open. */
    static final class FakeMachine implements MachinePrimary.Machine {
        final byte[] memory = new byte[(int) MEMORY];
        final byte[] sent = new byte[(int) MEMORY];
        final byte[] device = new byte[9000];
        final List<String> held = new ArrayList<>();
        final List<Long> heldEpoch = new ArrayList<>();
        final List<String> released = new CopyOnWriteArrayList<>();
        final FtDisk disk;
        long openEpoch = 1;
        boolean holding;
        volatile boolean halted;
        volatile String unprotected;

        FakeMachine(DiskChain chain) {
            disk = new FtDisk(chain, () -> openEpoch);
        }

        synchronized void write(int page, int offset, byte value) {
            memory[page * 4096 + offset] = value;
        }

        synchronized void output(String s) {
            if (holding) {
                held.add(s);
                heldEpoch.add(openEpoch);
            } else {
                released.add(s);
            }
        }

        @Override
        public String guestSpec() {
            return "fake";
        }

        @Override
        public long memoryBytes() {
            return MEMORY;
        }

        @Override
        public synchronized MachinePrimary.Capture capture() {
            List<Integer> pages = new ArrayList<>();
            ByteBuffer previous = ByteBuffer.allocate(PAGES * 4096);
            for (int p = 0; p < PAGES; p++) {
                if (!Arrays.equals(memory, p * 4096, p * 4096 + 4096, sent, p * 4096, p * 4096 + 4096)) {
                    previous.put(pages.size() * 4096, sent, p * 4096, 4096);
                    System.arraycopy(memory, p * 4096, sent, p * 4096, 4096);
                    pages.add(p);
                }
            }
            device[(int) (openEpoch % device.length)]++;
            return new MachinePrimary.Capture(openEpoch++, pages.stream().mapToInt(Integer::intValue).toArray(), previous, device.clone(), 1000, 500);
        }

        @Override
        public ByteBuffer page(int page) {
            return ByteBuffer.wrap(sent, page * 4096, 4096).slice();
        }

        @Override
        public synchronized void hold() {
            holding = true;
            disk.hold();
        }

        @Override
        public synchronized void release(long outputEpoch) throws IOException {
            while (!held.isEmpty() && heldEpoch.get(0) <= outputEpoch) {
                released.add(held.remove(0));
                heldEpoch.remove(0);
            }
            disk.release(outputEpoch + 1);
        }

        @Override
        public List<DiskWrite> diskWrites(long outputEpoch) {
            return disk.heldBetween(outputEpoch, outputEpoch + 1);
        }

        @Override
        public long flushedThrough() {
            return disk.flushedThrough();
        }

        @Override
        public synchronized boolean outputWaiting() {
            return !held.isEmpty();
        }

        @Override
        public synchronized void unprotected(String why) throws IOException {
            unprotected = why;
            holding = false;
            released.addAll(held);
            held.clear();
            disk.passThrough();
        }

        @Override
        public synchronized void halt(String why) {
            halted = true;
            held.clear();
        }
    }

    /** The backup's copy in memory; goLive records what it was started with. */
    static final class FakeReplica implements MachineBackup.Replica {
        final ByteBuffer copy = ByteBuffer.allocate((int) MEMORY);
        volatile byte[] liveDevice;
        volatile List<DiskWrite> livePending;
        volatile boolean discarded;

        @Override
        public int pages() {
            return PAGES;
        }

        @Override
        public ByteBuffer page(int page) {
            return copy.slice(page * 4096, 4096).asReadOnlyBuffer();
        }

        @Override
        public void writePage(int page, byte[] content) {
            copy.put(page * 4096, content == null ? new byte[4096] : content);
        }

        @Override
        public void goLive(byte[] device, List<DiskWrite> pending, String why) {
            liveDevice = device;
            livePending = pending;
        }

        @Override
        public void discard() {
            discarded = true;
        }
    }

    static void await(BooleanSupplier c, String what) throws InterruptedException {
        for (int i = 0; i < 2000 && !c.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertTrue(c.getAsBoolean(), what);
    }

    FtOptions options() {
        return FtOptions.defaults(FtMode.CHECKPOINT, hostA.superblock().timing())
                .withEpochMillis(20).withHeartbeat(20, 400).withAuthKey(KEY);
    }

    @Test
    void theBackupHoldsTheLastAcknowledgedEpochAndOutputsWaitForIt() throws Exception {
        FakeReplica replica = new FakeReplica();
        try (DiskChain chain = DiskChain.open(disk, true);
                MachineBackup backup = new MachineBackup("pair", "fake", MEMORY, replica, new GoLive(hostB, "pair"), InetAddress.getLoopbackAddress(), 0,
                        options(), st -> said.add("backup: " + st.line()))) {
            FakeMachine m = new FakeMachine(chain);
            Random r = new Random(7);
            for (int i = 0; i < 5000; i++) {
                m.write(r.nextInt(PAGES), r.nextInt(4096), (byte) r.nextInt());
            }
            MachinePrimary p = new MachinePrimary("pair", m, new InetSocketAddress(InetAddress.getLoopbackAddress(), backup.port()), options(),
                    new GoLive(hostA, "pair"), st -> said.add("primary: " + st.line()));
            p.start();
            await(() -> backup.state() == Backup.State.IN_SYNC, "in sync: " + said);
            await(() -> p.stats().epochs() > 3, "epochs run: " + said);
            m.output("reply-1");
            m.write(3, 100, (byte) 42);
            m.disk.write(8, filled((byte) 7));
            await(() -> m.released.contains("reply-1"), "the output left once its epoch was acknowledged: " + said);
            await(() -> m.disk.flushedThrough() > 1 && m.disk.held() == 0, "the disk write was released");
            assertArrayEquals(filled((byte) 7), chain.read(8, 1), "released writes reach the disk");
            // stop the machine's changes, let an epoch pass: the copy is the memory
            long e = p.stats().epochs();
            await(() -> p.stats().epochs() > e + 2, "more epochs");
            long settled = p.stats().epochs();
            await(() -> p.stats().epochs() > settled + 1, "an epoch after the last change");
            assertArrayEquals(m.memory, Arrays.copyOf(replica.copy.array(), (int) MEMORY), "the backup's copy is the primary's memory");
            assertTrue(p.stats().lastBytes() < 4096, "an idle epoch costs little: " + p.stats());

            p.stop("the operator unprotected it");
            await(() -> backup.state() == Backup.State.WAITING, "the backup stands down: " + said);
            assertTrue(replica.discarded);
            assertEquals(null, replica.liveDevice, "and does not go live");
            await(() -> m.unprotected != null, "the primary runs on unprotected");
            m.output("after");
            assertTrue(m.released.contains("after"), "outputs pass once unprotected");
        }
    }

    @Test
    void whenThePrimaryDiesTheBackupStartsFromTheLastEpochWithTheWritesNotYetDurable() throws Exception {
        FakeReplica replica = new FakeReplica();
        try (DiskChain chain = DiskChain.open(disk, true);
                MachineBackup backup = new MachineBackup("pair", "fake", MEMORY, replica, new GoLive(hostB, "pair"), InetAddress.getLoopbackAddress(), 0,
                        options(), st -> said.add("backup: " + st.line()))) {
            FakeMachine m = new FakeMachine(chain);
            m.write(1, 1, (byte) 1);
            List<String> fenced = new CopyOnWriteArrayList<>();
            backup.fenceBeforeServing(why -> fenced.add(why));
            MachinePrimary p = new MachinePrimary("pair", m, new InetSocketAddress(InetAddress.getLoopbackAddress(), backup.port()), options(),
                    new GoLive(hostA, "pair"), st -> said.add("primary: " + st.line()));
            p.start();
            await(() -> backup.state() == Backup.State.IN_SYNC, "in sync: " + said);
            m.write(2, 2, (byte) 2);
            m.disk.write(16, filled((byte) 9));
            long e = p.stats().epochs();
            await(() -> p.stats().epochs() > e + 2, "the write's epoch went to the backup");
            byte[] acknowledged;
            synchronized (m) {
                acknowledged = m.sent.clone();
            }
            p.testFailover(); // the primary stops as if its host failed
            assertTrue(m.halted);
            await(() -> backup.state() == Backup.State.LIVE, "the backup went live: " + said);
            assertEquals(1, fenced.size(), "it fenced the old primary first");
            assertTrue(replica.liveDevice != null && replica.liveDevice.length == 9000, "it started with the last device state");
            assertEquals(acknowledged[2 * 4096 + 2], replica.copy.get(2 * 4096 + 2));
            GoLive.State st = new GoLive(hostB, "pair").read();
            assertTrue(st.live() && "esx-b".equals(st.ownerName()), "the go-live record names the backup's host: " + st);
            for (DiskWrite w : replica.livePending) {
                assertTrue(w.lba() == 16, "only the write the primary may not have made durable: " + w.lba());
            }
        }
    }

    static byte[] filled(byte b) {
        byte[] s = new byte[512];
        Arrays.fill(s, b);
        return s;
    }
}
