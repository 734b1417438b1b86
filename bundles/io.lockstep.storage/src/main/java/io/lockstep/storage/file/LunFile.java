package io.lockstep.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

import io.lockstep.storage.MediumFormatException;

/**
 * One LUN file as this JVM shares it among its initiators: one channel (POSIX record locks belong to the
 * process and vanish when <em>any</em> descriptor of the file is closed, so a JVM must open a LUN file once),
 * the header, the cross-process locks and the target state.
 *
 * <h2>File layout</h2>
 * <pre>
 *        0  LUN header (512 B, {@link LunHeader})
 *      512  commit word: "LSCW" | sequence u64 | CRC32C u32 — names the current target-state slot (sequence % 2)
 *     1024  state lock byte      (OS record lock only, never written)
 *     2048  nexus liveness bytes (one per I_T nexus, locked by the process that has that initiator open)
 *    64 Ki  target-state slot A (64 KiB), then slot B
 *     1 Mi  data: sector n at 1 MiB + n × sector size
 * </pre>
 *
 * <h2>Atomicity across processes</h2>
 * Every command holds the state lock (shared for I/O, exclusive for reservation changes) for its whole
 * length, so a PREEMPT that returned cannot be followed by a write of the preempted initiator. Data commands
 * also lock their byte range (shared to read, exclusive to write or compare-and-write). A state change
 * writes the other slot, forces it, then writes and forces the commit word: a process killed at any instant
 * leaves either the old or the new state, never a mixture.
 */
final class LunFile {

    private static final Map<Path, LunFile> OPEN = new HashMap<>();
    private static final byte[] COMMIT_MAGIC = "LSCW".getBytes(StandardCharsets.US_ASCII);
    private static final int STRIPES = 64;

    final Path path;
    private volatile FileChannel channel;
    private static final System.Logger LOG = System.getLogger(LunFile.class.getName());
    final LunHeader header;
    private final ProcessRangeLock stateLock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Set<Integer> localNexus = new HashSet<>();
    private final Map<Integer, FileLock> nexusLocks = new HashMap<>();
    private int users;
    private TargetState cached;

    private LunFile(Path path, FileChannel channel, LunHeader header) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.stateLock = new ProcessRangeLock(this, LunHeader.STATE_LOCK_OFFSET, 1);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    // --- creation and sharing --------------------------------------------------------------------------

    /** Creates a new LUN file presented to every initiator (see {@link #create(Path, int, long, java.util.Collection)}). */
    static LunHeader create(Path path, int sectorSize, long sectorCount) throws IOException {
        return create(path, sectorSize, sectorCount, java.util.List.of());
    }

    /**
     * Creates a new LUN file presented to {@code presentedTo} (empty: every initiator): written whole under a temporary
     * name of its own, its masking included, then published with a hard link that fails when a file of that name exists
     * — so a crash leaves no half LUN, two creations of one name give one LUN and one {@link FileAlreadyExistsException},
     * and a LUN whose masking does not fit is never seen (a refusal never leaves it presented to everyone).
     */
    static LunHeader create(Path path, int sectorSize, long sectorCount, java.util.Collection<String> presentedTo) throws IOException {
        if (!LunHeader.validSectorSize(sectorSize)) {
            throw new IllegalArgumentException("sector size: expected a power of two from 512 to 65536, found " + sectorSize);
        }
        if (sectorCount <= 0) {
            throw new IllegalArgumentException("sector count: expected at least 1, found " + sectorCount);
        }
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null, "a LUN (or another file) is already there; nothing was changed");
        }
        LunHeader header = LunHeader.fresh(sectorSize, sectorCount);
        TargetState initial = new TargetState();
        initial.sequence = 1;
        initial.presentedTo.addAll(presentedTo);
        if (initial.sizeEstimate() > header.stateSlotSize()) {
            throw new IllegalArgumentException(presentedTo.size() + " initiator names do not fit the target state (" + header.stateSlotSize()
                    + " bytes); nothing was created");
        }
        Path tmp = path.resolveSibling("." + path.getFileName() + ".creating-" + Long.toHexString(new java.security.SecureRandom().nextLong()));
        try (FileChannel ch = OwnerOnly.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) { // 0600: a LUN holds every VM's disk
            ch.write(ByteBuffer.wrap(header.encode()), 0);
            ch.write(ByteBuffer.wrap(initial.encodeSlot(header.stateSlotSize())), slotOffset(header, 1));
            ch.write(ByteBuffer.wrap(commitWord(1)), LunHeader.COMMIT_WORD_OFFSET);
            ch.truncate(header.fileSize());
            if (ch.size() < header.fileSize()) {
                ch.write(ByteBuffer.allocate(1), header.fileSize() - 1); // sparse: only the last byte is allocated
            }
            ch.force(true);
            Files.createLink(path, tmp); // fails, changing nothing, when another creation (or any file) got the name first
        } finally {
            Files.deleteIfExists(tmp);
        }
        return header;
    }

    static synchronized LunFile acquire(Path file) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no LUN file there (create one first)");
        }
        LunFile lun = OPEN.get(real);
        if (lun == null) {
            FileChannel ch = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                byte[] raw = new byte[LunHeader.SIZE];
                int n = readFully(ch, ByteBuffer.wrap(raw), 0);
                LunHeader header = LunHeader.decode(n < raw.length ? Arrays.copyOf(raw, n) : raw, real.toString());
                long size = ch.size();
                if (size < header.fileSize()) {
                    throw new MediumFormatException(real + ": LUN file is truncated: header says " + header.sectorCount()
                            + " sectors of " + header.sectorSize() + " bytes (" + header.fileSize() + " bytes), file has "
                            + size + " bytes");
                }
                lun = new LunFile(real, ch, header);
                lun.stateLock.lockShared();
                try {
                    lun.readState();
                } finally {
                    lun.stateLock.unlockShared();
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            OPEN.put(real, lun);
        }
        lun.users++;
        return lun;
    }

    /**
     * The shared channel. A thread interrupted in the middle of a channel operation closes the channel for
     * every user in the JVM (FileChannel is interruptible), and with it this process's record locks: the file
     * is then opened again and the nexus liveness locks of this process's sessions are taken again.
     */
    FileChannel channel() throws IOException {
        FileChannel ch = channel;
        return ch.isOpen() ? ch : reopen();
    }

    private synchronized FileChannel reopen() throws IOException {
        if (channel.isOpen()) {
            return channel;
        }
        synchronized (LunFile.class) {
            if (users == 0) {
                throw new java.nio.channels.ClosedChannelException();
            }
        }
        LOG.log(System.Logger.Level.WARNING, path + ": the shared channel was closed by an interrupted thread; "
                + "opening the file again and retaking the liveness locks of " + localNexus.size() + " sessions");
        FileChannel fresh = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel = fresh;
        for (int index : localNexus) {
            FileLock lock = fresh.tryLock(LunHeader.NEXUS_LOCK_OFFSET + index, 1, false);
            if (lock != null) {
                nexusLocks.put(index, lock);
            } else {
                LOG.log(System.Logger.Level.WARNING, path + ": nexus " + index + " was taken by another process meanwhile");
            }
        }
        return fresh;
    }

    void releaseUser() throws IOException {
        synchronized (LunFile.class) {
            if (--users == 0) {
                OPEN.remove(path);
                channel.close();
            }
        }
    }

    // --- the state lock and the target state ----------------------------------------------------------

    void lockStateShared() throws IOException {
        stateLock.lockShared();
    }

    void unlockStateShared() throws IOException {
        stateLock.unlockShared();
    }

    void lockStateExclusive() throws IOException {
        stateLock.lockExclusive();
    }

    void unlockStateExclusive() throws IOException {
        stateLock.unlockExclusive();
    }

    /** The current target state; callers hold the state lock and must {@link TargetState#copy()} before changing it. */
    TargetState readState() throws IOException {
        byte[] word = new byte[16];
        readFully(channel(), ByteBuffer.wrap(word), LunHeader.COMMIT_WORD_OFFSET);
        ByteBuffer w = ByteBuffer.wrap(word);
        byte[] magic = new byte[4];
        w.get(magic);
        long sequence = w.getLong();
        int stored = w.getInt();
        CRC32C crc = new CRC32C();
        crc.update(word, 0, 12);
        if (!Arrays.equals(magic, COMMIT_MAGIC) || stored != (int) crc.getValue()) {
            throw new MediumFormatException(path + ": the target-state commit word at offset 512 is damaged (found "
                    + LunHeader.printable(word, 0, 16) + ")");
        }
        TargetState current = cached;
        if (current != null && current.sequence == sequence) {
            return current;
        }
        byte[] slot = new byte[header.stateSlotSize()];
        readFully(channel(), ByteBuffer.wrap(slot), slotOffset(header, sequence));
        current = TargetState.decodeSlot(slot, sequence, path.toString());
        cached = current;
        return current;
    }

    /** Writes {@code next} as the new state (the caller holds the state lock exclusively). */
    void commit(TargetState next) throws IOException {
        if (!stateLock.heldExclusivelyByCurrentThread()) {
            throw new IllegalStateException("commit without the exclusive state lock");
        }
        TargetState current = readState();
        next.sequence = current.sequence + 1;
        byte[] slot = next.encodeSlot(header.stateSlotSize());
        if (slot.length > header.stateSlotSize()) {
            throw new IOException("target state of " + slot.length + " bytes exceeds its " + header.stateSlotSize() + "-byte slot");
        }
        FileChannel ch = channel();
        ch.write(ByteBuffer.wrap(slot), slotOffset(header, next.sequence));
        ch.force(false);
        ch.write(ByteBuffer.wrap(commitWord(next.sequence)), LunHeader.COMMIT_WORD_OFFSET);
        ch.force(false);
        cached = next;
    }

    private static long slotOffset(LunHeader header, long sequence) {
        return header.stateOffset() + (sequence % 2) * header.stateSlotSize();
    }

    private static byte[] commitWord(long sequence) {
        ByteBuffer w = ByteBuffer.allocate(16);
        w.put(COMMIT_MAGIC);
        w.putLong(sequence);
        CRC32C crc = new CRC32C();
        crc.update(w.array(), 0, 12);
        w.putInt((int) crc.getValue());
        return w.array();
    }

    // --- I_T nexus liveness -------------------------------------------------------------------------------

    /**
     * Marks nexus {@code index} as logged in from this process: an OS lock on its liveness byte, which the
     * kernel drops when the process dies (I_T nexus loss that others can see).
     *
     * @return false when another process has that nexus (that initiator) open
     */
    synchronized boolean holdNexus(int index) throws IOException {
        if (localNexus.contains(index)) {
            return false;
        }
        FileLock lock = tryNexusLock(index);
        if (lock == null) {
            return false;
        }
        localNexus.add(index);
        nexusLocks.put(index, lock);
        return true;
    }

    synchronized void dropNexus(int index) throws IOException {
        localNexus.remove(index);
        FileLock lock = nexusLocks.remove(index);
        if (lock != null && lock.isValid()) {
            lock.release();
        }
    }

    /** Is nexus {@code index} logged in, in this process or another? */
    synchronized boolean nexusAlive(int index) throws IOException {
        if (localNexus.contains(index)) {
            return true;
        }
        FileLock probe = tryNexusLock(index);
        if (probe == null) {
            return true;
        }
        probe.release();
        return false;
    }

    /** The liveness lock of nexus {@code index}, or null when a process (this one included) holds it. */
    private FileLock tryNexusLock(int index) throws IOException {
        try {
            return channel().tryLock(LunHeader.NEXUS_LOCK_OFFSET + index, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    // --- data ranges ------------------------------------------------------------------------------------

    /** Locks sectors [lba, lba + sectors) for a data command; release with {@link DataRange#close()}. */
    DataRange lockData(long lba, int sectors, boolean shared) throws IOException {
        int count = Math.min(sectors, STRIPES);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) ((lba + i) % STRIPES);
        }
        Arrays.sort(order);
        for (int i = 0; i < count; i++) {
            stripes[order[i]].lock();
        }
        try {
            FileLock os = channel().lock(dataOffset(lba), (long) sectors * header.sectorSize(), shared);
            return new DataRange(order, os);
        } catch (IOException | RuntimeException | Error e) {
            for (int i = count - 1; i >= 0; i--) {
                stripes[order[i]].unlock();
            }
            throw e;
        }
    }

    final class DataRange implements AutoCloseable {
        private final int[] order;
        private final FileLock os;

        private DataRange(int[] order, FileLock os) {
            this.order = order;
            this.os = os;
        }

        @Override
        public void close() throws IOException {
            try {
                if (os.isValid()) {
                    os.release();
                }
            } finally {
                for (int i = order.length - 1; i >= 0; i--) {
                    stripes[order[i]].unlock();
                }
            }
        }
    }

    /**
     * The whole file's bytes, read through this JVM's shared channel. Tools and tests must use this (not
     * {@code Files.readAllBytes}) while a session is open: closing a second descriptor of the file would drop
     * every POSIX lock this process holds on it.
     */
    static byte[] snapshot(Path file) throws IOException {
        LunFile lun = acquire(file);
        try {
            byte[] all = new byte[Math.toIntExact(lun.channel().size())];
            readFully(lun.channel(), ByteBuffer.wrap(all), 0);
            return all;
        } finally {
            lun.releaseUser();
        }
    }

    long dataOffset(long lba) {
        return header.dataOffset() + lba * header.sectorSize();
    }

    static int readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
