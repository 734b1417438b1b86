package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.lockstep.cluster.EntityKind;
import io.lockstep.cluster.Lease;
import io.lockstep.cluster.LockBusyException;
import io.lockstep.cluster.LockMode;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.cluster.records.Extent;
import io.lockstep.cluster.records.SectorCodec;
import io.lockstep.cluster.records.Superblock;
import io.lockstep.cluster.records.VdrRecord;

/**
 * The file system on the medium: a namespace of files and directories (the directory region, one entry per sector) whose
 * data lies in blocks of the data area, accounted for by the free map. Every change of the namespace or of an
 * allocation is one journaled transaction under the file-system lock ({@link Datastore#DIRECTORY_LOCK}); changes of the
 * namespace are published to the other hosts (their directory caches refresh); sizes and extents are read from the
 * medium when a file is opened, so growing a file publishes nothing.
 * <p>
 * Each open file holds a lease on its name — its owner field: exclusive for writing, shared read-only for reading,
 * multi-writer for files opened so by several hosts at once (clustered disks, which never change size). A file open on
 * another host cannot be deleted, renamed or opened incompatibly: the caller is told who holds it.
 */
public final class DatastoreFiles {

    /** How long an open waits for another host's incompatible hold before it is refused with the holder's name. */
    static final Duration OPEN_WAIT = Duration.ZERO;

    private final Datastore ds;
    private final Superblock sb;
    private final int ss;
    /** One metadata transaction of this host at a time: the file-system lock is held per host, not per thread. */
    private final ReentrantLock meta = new ReentrantLock();
    /** Files this host has open, by directory entry index (shared by every channel of the file on this host). */
    private final Map<Integer, OpenFile> open = new HashMap<>();

    DatastoreFiles(Datastore ds) {
        this.ds = ds;
        this.sb = ds.superblock();
        this.ss = sb.sectorSize();
    }

    public Superblock superblock() {
        return sb;
    }

    // --- names ------------------------------------------------------------------------------------------------------

    /** Checks a path: absolute, no empty / "." / ".." component, no trailing slash, at most 200 bytes of UTF-8. */
    public static String checkPath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path: expected an absolute path such as /vm1/disk.vmdk, found "
                    + (path == null ? "none" : "'" + path + "'"));
        }
        if (path.equals("/")) {
            return path;
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "': expected no trailing '/'");
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("path '" + path + "': expected names between the '/', found "
                        + (part.isEmpty() ? "an empty one" : "'" + part + "'"));
            }
            if (part.chars().anyMatch(c -> c == 0)) {
                throw new IllegalArgumentException("path '" + path + "': a name holds a NUL character");
            }
        }
        if (SectorCodec.utf8Length(path) > io.lockstep.cluster.records.LockRecord.ENTITY_BYTES) {
            throw new IllegalArgumentException("path '" + path + "': at most " + io.lockstep.cluster.records.LockRecord.ENTITY_BYTES
                    + " bytes of UTF-8, found " + SectorCodec.utf8Length(path));
        }
        return path;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static boolean isReserved(String path) {
        return path.equals("/.lockstep") || path.startsWith("/.lockstep/");
    }

    // --- looking ----------------------------------------------------------------------------------------------------

    /** The entry of {@code path} from this host's cache (after catching up with notifications); "/" has none. */
    public Optional<DirectoryEntry> lookup(String path) {
        Optional<DirectoryEntry> cached = ds.file(checkPath(path));
        if (cached.isEmpty() && !path.equals("/")) {
            try {
                return ds.find(path); // a miss is confirmed against the notification record: another host may have made it since
            } catch (IOException e) {
                return cached;
            }
        }
        return cached;
    }

    /**
     * The entry of {@code path} as it is on the medium now (its size and times as last made durable by whoever writes
     * it), or as this host holds it open.
     */
    public Optional<DirectoryEntry> stat(String path) throws IOException {
        Optional<DirectoryEntry> cached = lookup(path);
        if (cached.isEmpty()) {
            return cached;
        }
        synchronized (open) {
            OpenFile f = open.get(cached.get().index());
            if (f != null) {
                return Optional.of(f.entryNow());
            }
        }
        DirectoryEntry fresh = ds.readEntry(cached.get().index());
        if (fresh == null || !fresh.inUse() || !fresh.name().equals(cached.get().name())) {
            ds.poll();
            return lookup(path);
        }
        return Optional.of(fresh);
    }

    public boolean isDirectory(String path) {
        return path.equals("/") || lookup(path).map(DirectoryEntry::isDirectory).orElse(false);
    }

    /** The entries directly inside directory {@code dir}, by name. */
    public List<DirectoryEntry> list(String dir) throws IOException {
        checkPath(dir);
        if (!dir.equals("/")) {
            DirectoryEntry d = lookup(dir).orElseThrow(() -> new NoSuchFileException(dir, null, "no such directory on " + sb.label()));
            if (!d.isDirectory()) {
                throw new NotDirectoryException(dir);
            }
        }
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<DirectoryEntry> children = new ArrayList<>();
        for (DirectoryEntry e : ds.files()) {
            if (e.name().startsWith(prefix) && e.name().indexOf('/', prefix.length()) < 0 && !isReserved(e.name())) {
                children.add(e);
            }
        }
        children.sort((a, b) -> a.name().compareTo(b.name()));
        return children;
    }

    // --- the namespace ----------------------------------------------------------------------------------------------

    public DirectoryEntry mkdir(String path) throws IOException {
        checkPath(path);
        if (path.equals("/")) {
            throw new FileAlreadyExistsException("/", null, "the root directory always exists");
        }
        DirectoryEntry made = transaction(tx -> {
            tx.requireParentDirectory(path);
            tx.requireAbsent(path);
            DirectoryEntry d = DirectoryEntry.directory(tx.freeEntry(path), path, System.currentTimeMillis());
            tx.put(d);
            tx.commit();
            return d;
        });
        ds.publishDirectory();
        return made;
    }

    /** Creates the directory and any missing parents; nothing when it exists. */
    public void mkdirs(String path) throws IOException {
        checkPath(path);
        if (isDirectory(path)) {
            return;
        }
        if (!path.equals("/")) {
            mkdirs(parentOf(path));
            try {
                mkdir(path);
            } catch (FileAlreadyExistsException raced) {
                if (!isDirectory(path)) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Creates a file of {@code sizeBytes} with all its blocks allocated and zeroed (a "thick" file: a clustered disk,
     * a go-live record), then tells the other hosts.
     */
    public DirectoryEntry createThick(String path, EntityKind kind, long sizeBytes) throws IOException {
        checkPath(path);
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("size: expected at least one byte, found " + sizeBytes);
        }
        DirectoryEntry created = transaction(tx -> {
            tx.requireParentDirectory(path);
            tx.requireAbsent(path);
            int index = tx.freeEntry(path);
            long now = System.currentTimeMillis();
            DirectoryEntry e = new DirectoryEntry(index, true, kind, path, 0, now, now, 0, 0, DirectoryEntry.NO_MAP, List.of());
            long blocks = (sizeBytes + sb.blockBytes() - 1) / sb.blockBytes();
            List<Extent> extents = new ArrayList<>();
            tx.reserveSpace(blocks, path);
            tx.put(e);
            tx.pending.put(sb.vdrLba(index), VdrRecord.empty(index).encode(ss));
            e = tx.grow(e, extents, blocks, 0);
            for (Extent x : extents) {
                zero(x);
            }
            e = e.withSize(sizeBytes, now);
            tx.put(e);
            tx.commit();
            return e;
        });
        ds.publishDirectory();
        ds.forgetVdr(created.index());
        return created;
    }

    private void zero(Extent x) throws IOException {
        byte[] zeros = new byte[(int) Math.min(sb.blockBytes() * 4L, 4L << 20)];
        long lba = sb.blockLba(x.first());
        long end = sb.blockLba(x.end());
        int per = zeros.length / ss;
        while (lba < end) {
            int n = (int) Math.min(per, end - lba);
            ds.io().write(lba, n == per ? zeros : new byte[n * ss], false);
            lba += n;
        }
    }

    /** Deletes a file (its blocks become free; refused while any host has it open) or an empty directory. */
    public void delete(String path) throws IOException {
        checkPath(path);
        if (path.equals("/")) {
            throw new FileSystemException("/", null, "the root directory cannot be deleted");
        }
        DirectoryEntry e = lookup(path).orElseThrow(() -> new NoSuchFileException(path, null, "not on " + sb.label()));
        synchronized (open) {
            if (openState(e.index()) != null) {
                throw new FileSystemException(path, null, "it is open on this host (" + ds.host().identity().name() + ")");
            }
        }
        try (Lease hold = holdWhole(path, e)) {
            transaction(tx -> {
                DirectoryEntry onDisk = tx.require(path);
                if (onDisk.isDirectory()) {
                    String prefix = path + "/";
                    for (DirectoryEntry x : tx.entries) {
                        if (x != null && x.inUse() && x.name().startsWith(prefix)) {
                            throw new DirectoryNotEmptyException(path);
                        }
                    }
                } else {
                    onDisk = tx.shrinkTo(onDisk, 0L); // tail first: a crash part way leaves a shorter file, never a lost block
                }
                tx.put(DirectoryEntry.unused(onDisk.index()));
                tx.commit();
                hold.close(); // under the file-system lock: whoever makes a file in this entry next finds its owner field free
                return null;
            });
        }
        ds.publishDirectory();
    }

    /** Renames a file or directory (a directory with what it holds, in one transaction). The target must not exist. */
    public void rename(String from, String to) throws IOException {
        rename(from, to, false);
    }

    /**
     * Renames; with {@code replace}, an existing target file is replaced in the same transaction (its blocks freed, its entry
     * reused by nobody): a reader sees the old file or the new one, never none — as rename(2) promises.
     */
    public void rename(String from, String to, boolean replace) throws IOException {
        checkPath(from);
        checkPath(to);
        if (from.equals("/") || to.equals("/")) {
            throw new FileSystemException(from, to, "the root directory cannot be renamed");
        }
        if (to.startsWith(from + "/")) {
            throw new FileSystemException(from, to, "a directory cannot move inside itself");
        }
        DirectoryEntry e = lookup(from).orElseThrow(() -> new NoSuchFileException(from, null, "not on " + sb.label()));
        DirectoryEntry target = replace ? lookup(to).orElse(null) : null;
        if (target != null && (target.isDirectory() || e.isDirectory())) {
            throw new FileSystemException(from, to, "only a file replaces a file");
        }
        synchronized (open) {
            for (DirectoryEntry x : target == null ? List.of(e) : List.of(e, target)) {
                if (openState(x.index()) != null) {
                    throw new FileSystemException(x.name(), null, "it is open on this host (" + ds.host().identity().name() + ")");
                }
            }
        }
        try (Lease hold = holdWhole(from, e); Lease held = target == null ? null : holdWhole(to, target)) {
            if (target != null && target.extentCount() > 4) {
                transaction(tx -> { // a fragmented target gives its blocks back first, in steps
                    DirectoryEntry old = tx.require(to);
                    tx.shrinkTo(old, 0L);
                    tx.commit();
                    return null;
                });
            }
            transaction(tx -> {
                DirectoryEntry onDisk = tx.require(from);
                tx.requireParentDirectory(to);
                DirectoryEntry old = tx.find(to);
                if (old != null) {
                    if (target == null || old.index() != target.index()) {
                        throw new FileAlreadyExistsException(to, null, "already on " + sb.label() + "; nothing was changed");
                    }
                    tx.releaseAll(old, readExtents(old));
                    tx.put(DirectoryEntry.unused(old.index()));
                }
                long now = System.currentTimeMillis();
                tx.put(onDisk.renamed(to, now));
                if (onDisk.isDirectory()) {
                    String prefix = from + "/";
                    for (DirectoryEntry x : tx.entries.clone()) {
                        if (x != null && x.inUse() && x.name().startsWith(prefix)) {
                            String moved = to + x.name().substring(from.length());
                            checkPath(moved);
                            tx.put(x.renamed(moved, now));
                        }
                    }
                    if (tx.pending.size() > tx.capacity()) {
                        throw new FileSystemException(from, to, "a directory of " + (tx.pending.size() - 1) + " entries is renamed in one "
                                + "transaction of at most " + tx.capacity() + " sectors; move what it holds first");
                    }
                }
                tx.commit();
                if (held != null) {
                    held.close(); // the replaced file's owner field, free before the file-system lock is
                }
                return null;
            });
        }
        ds.publishDirectory();
    }

    /** The lease on a file's own owner field (the lock record of its directory entry). */
    private Lease fileLock(DirectoryEntry e, EntityKind kind, LockMode mode) throws IOException {
        return ds.host().acquireRecordAt(sb.fileLockLba(e.index()), e.index(), e.name(), kind, mode, OPEN_WAIT);
    }

    /** The exclusive hold a delete or rename needs: refused, naming the holder, while another host has the file open. */
    private Lease holdWhole(String path, DirectoryEntry e) throws IOException {
        try {
            return fileLock(e, e.isDirectory() ? EntityKind.DIRECTORY : EntityKind.FILE, LockMode.EXCLUSIVE);
        } catch (LockBusyException busy) {
            throw new FileSystemException(path, null, "in use: " + busy.getMessage());
        }
    }

    // --- opening -----------------------------------------------------------------------------------------------------

    /** How a file is opened. */
    public enum Access {
        /** Shared read-only: any number of readers on any hosts, no writer. */
        READ(LockMode.SHARED_READ),
        /** Exclusive: one host reads and writes, and may grow and shrink it. */
        WRITE(LockMode.EXCLUSIVE),
        /** Multi-writer: several hosts read and write at once; the size is fixed. */
        MULTI_WRITER(LockMode.MULTI_WRITER);

        final LockMode mode;

        Access(LockMode mode) {
            this.mode = mode;
        }
    }

    /**
     * Opens a file. {@code create}: make it (empty) when absent; {@code createNew}: it must not exist; {@code truncate}:
     * cut it to zero bytes (WRITE only).
     */
    public DatastoreFile open(String path, Access access, boolean create, boolean createNew, boolean truncate) throws IOException {
        checkPath(path);
        Optional<DirectoryEntry> found = lookup(path);
        if (found.isPresent() && createNew) {
            throw new FileAlreadyExistsException(path, null, "already on " + sb.label());
        }
        if (found.isEmpty()) {
            if (!create && !createNew) {
                throw new NoSuchFileException(path, null, "not on " + sb.label());
            }
            if (access == Access.READ) {
                throw new IllegalArgumentException(path + ": a file is created by opening it for writing");
            }
            try {
                found = Optional.of(createEmpty(path));
            } catch (FileAlreadyExistsException raced) {
                if (createNew) {
                    throw raced;
                }
                found = lookup(path);
            }
        }
        DirectoryEntry e = found.orElseThrow(() -> new NoSuchFileException(path, null, "not on " + sb.label()));
        if (e.isDirectory()) {
            throw new FileSystemException(path, null, "is a directory");
        }
        OpenFile f = attach(e, access);
        DatastoreFile handle = new DatastoreFile(f, access);
        if (truncate && access != Access.READ) {
            handle.truncate(0);
        }
        return handle;
    }

    /** Creates an empty file (no blocks), in a directory that exists, and tells the other hosts. */
    public DirectoryEntry create(String path) throws IOException {
        return createEmpty(checkPath(path));
    }

    private DirectoryEntry createEmpty(String path) throws IOException {
        DirectoryEntry made = transaction(tx -> {
            tx.requireParentDirectory(path);
            tx.requireAbsent(path);
            int index = tx.freeEntry(path);
            long now = System.currentTimeMillis();
            DirectoryEntry e = new DirectoryEntry(index, true, EntityKind.FILE, path, 0, now, now, 0, 0, DirectoryEntry.NO_MAP, List.of());
            tx.put(e);
            tx.pending.put(sb.vdrLba(index), VdrRecord.empty(index).encode(ss));
            tx.commit();
            return e;
        });
        ds.publishDirectory();
        ds.forgetVdr(made.index());
        return made;
    }

    /** This host's shared state of an open file: the lease is taken once per host and mode. */
    /**
     * This host's open state of entry {@code index}, once any last close of it has given its lease back (a close in
     * progress still holds the owner field: taking it again meanwhile would find this host already its owner).
     * Called holding {@code open}.
     */
    private OpenFile openState(int index) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        OpenFile f = open.get(index);
        while (f != null && f.closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new FileSystemException(f.durableEntry().name(), null, "its last close on this host did not finish within 30 s");
            }
            try {
                open.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while a close of " + f.durableEntry().name() + " finished");
            }
            f = open.get(index);
        }
        return f;
    }

    private OpenFile attach(DirectoryEntry e, Access access) throws IOException {
        synchronized (open) {
            OpenFile f = openState(e.index());
            if (f != null) {
                if (f.access == access || f.access == Access.WRITE && access == Access.READ) {
                    f.users++;
                    if (f.shared()) {
                        f.refresh(); // another host may have grown it since this host opened it
                    }
                    return f;
                }
                throw new FileSystemException(e.name(), null, "is open on this host as " + f.access.name().toLowerCase().replace('_', '-')
                        + "; close it before opening it as " + access.name().toLowerCase().replace('_', '-'));
            }
            Lease lease;
            try {
                lease = fileLock(e, EntityKind.FILE, access.mode);
            } catch (LockBusyException busy) {
                throw new FileSystemException(e.name(), null, "cannot be opened " + access.mode.label() + ": " + busy.getMessage());
            }
            try {
                DirectoryEntry fresh = ds.readEntry(e.index());
                if (fresh == null || !fresh.inUse() || !fresh.name().equals(e.name())) {
                    throw new NoSuchFileException(e.name(), null, "was deleted or renamed by another host meanwhile");
                }
                f = new OpenFile(this, fresh, readExtents(fresh), lease, access);
            } catch (IOException | RuntimeException failed) {
                lease.close();
                throw failed;
            }
            open.put(e.index(), f);
            return f;
        }
    }

    void detach(OpenFile f) throws IOException {
        synchronized (open) {
            if (--f.users > 0) {
                return;
            }
            f.closing = true; // stays in the map until its lease is given back: see openState
        }
        try {
            f.lastClose();
        } finally {
            try {
                f.lease.close();
            } finally {
                synchronized (open) {
                    open.remove(f.durableEntry().index(), f);
                    open.notifyAll();
                }
            }
        }
    }

    /** Every extent of a file: inline ones from its entry, the rest from its extent map. */
    List<Extent> readExtents(DirectoryEntry e) throws IOException {
        List<Extent> all = new ArrayList<>(e.inline());
        int rest = e.extentCount() - all.size();
        if (rest > 0) {
            int per = io.lockstep.cluster.records.ExtentMapSector.perSector(ss);
            int sectors = (rest + per - 1) / per;
            long lba = sb.blockLba(e.mapBlock());
            byte[] bytes = ds.io().read(lba, sectors);
            for (int i = 0; i < sectors; i++) {
                var m = io.lockstep.cluster.records.ExtentMapSector.decode(java.util.Arrays.copyOfRange(bytes, i * ss, (i + 1) * ss),
                        lba + i, e.index(), i);
                all.addAll(m.extents());
            }
            if (all.size() != e.extentCount()) {
                throw new io.lockstep.cluster.records.CorruptRecordException("extent map of " + e.name(), lba,
                        "expected " + e.extentCount() + " extents in all, found " + all.size());
            }
        }
        return all;
    }

    // --- growing and shrinking (called by OpenFile) -------------------------------------------------------------------

    /** Allocates blocks so the file holds at least {@code blocksWanted} data blocks; returns its new entry. */
    DirectoryEntry grow(OpenFile f, long blocksWanted) throws IOException {
        return transaction(tx -> {
            DirectoryEntry e = current(tx, f);
            List<Extent> extents = new ArrayList<>(f.shared() ? readExtents(e) : f.extents());
            long have = dataBlocks(extents);
            if (have >= blocksWanted) { // another writer grew it meanwhile
                f.extentsChanged(e, extents);
                return e;
            }
            tx.reserveSpace(blocksWanted - have, e.name());
            e = tx.grow(e, extents, blocksWanted - have, -1); // grow tries the blocks after the last extent first
            tx.commit();
            f.extentsChanged(e, extents);
            return e;
        });
    }

    /** Frees the blocks past {@code size} and makes {@code size} durable, as one transaction. */
    DirectoryEntry shrink(OpenFile f, long size) throws IOException {
        return transaction(tx -> {
            DirectoryEntry e = current(tx, f).withSize(size, System.currentTimeMillis());
            long keep = (size + sb.blockBytes() - 1) / sb.blockBytes();
            List<Extent> extents = new ArrayList<>(f.shared() ? readExtents(e) : f.extents());
            e = tx.shrinkTo(e, extents, keep);
            tx.put(e);
            tx.commit();
            f.extentsChanged(e, extents);
            return e;
        });
    }

    /**
     * A file's entry as a transaction starts from: this host's for a file it holds exclusively; the medium's for a
     * multi-writer file (another host may have grown it).
     */
    private DirectoryEntry current(Transaction tx, OpenFile f) throws IOException {
        if (!f.shared()) {
            return f.durableEntry();
        }
        DirectoryEntry e = tx.entries[f.index()];
        if (e == null || !e.inUse() || !e.name().equals(f.durableEntry().name())) {
            throw new NoSuchFileException(f.durableEntry().name(), null, "was deleted or renamed by another host");
        }
        return e;
    }

    /**
     * Makes an open file's size durable: one sector, written by the holder of its exclusive lease; for a multi-writer
     * file, a transaction that never lowers the size another writer made durable.
     */
    void persistSize(OpenFile f) throws IOException {
        if (f.shared()) {
            if (f.sizeChange() == null) {
                return;
            }
            transaction(tx -> {
                DirectoryEntry e = current(tx, f);
                long size = f.size();
                if (size > e.sizeBytes()) {
                    e = e.withSize(size, System.currentTimeMillis());
                    tx.put(e);
                    tx.commit();
                }
                f.persisted(e);
                return null;
            });
            return;
        }
        meta.lock(); // after any grow or shrink of this host, so the entry written names the extents as they are
        try {
            DirectoryEntry e = f.sizeChange();
            if (e != null) {
                ds.io().write(sb.directoryLba(e.index()), e.encode(ss), true);
                f.persisted(e);
            }
        } finally {
            meta.unlock();
        }
    }

    /**
     * The medium sector holding sector {@code sector} of a file, for records addressed directly on the medium (a go-live
     * record, updated with COMPARE AND WRITE by two hosts): only for files whose blocks never move (made thick).
     */
    public long mediumLba(DirectoryEntry e, long sector) throws IOException {
        long block = sector / sb.blockSectors();
        for (Extent x : readExtents(e)) {
            if (block < x.blocks()) {
                return sb.blockLba(x.first() + block) + sector % sb.blockSectors();
            }
            block -= x.blocks();
        }
        throw new IllegalArgumentException(e.name() + ": sector " + sector + " lies past its " + e.blocks() + " blocks");
    }

    static long dataBlocks(List<Extent> extents) {
        long n = 0;
        for (Extent x : extents) {
            n += x.blocks();
        }
        return n;
    }

    // --- transactions ---------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Work<T> {
        T run(Transaction tx) throws IOException;
    }

    /** Runs {@code work} under the file-system lock with an authoritative copy of the directory. */
    <T> T transaction(Work<T> work) throws IOException {
        meta.lock();
        try (Lease lock = ds.host().acquire(Datastore.DIRECTORY_LOCK, EntityKind.DIRECTORY, LockMode.EXCLUSIVE,
                ds.host().cluster().timing().lockWait())) {
            Transaction tx = new Transaction(this, lock, ds.readDirectory());
            try {
                T result = work.run(tx);
                if (!tx.pending.isEmpty()) {
                    throw new IllegalStateException("a file-system transaction ended with " + tx.pending.size() + " sectors not committed");
                }
                return result;
            } finally {
                if (tx.pending.isEmpty()) {
                    ds.directoryRead(tx.entries); // what the medium has, read under the lock: the cache can only gain
                }
            }
        } finally {
            meta.unlock();
        }
    }

    /** A file or directory as operators see it: its entry as on the medium, and who holds its owner field (null: nobody). */
    public record FileInfo(DirectoryEntry entry, io.lockstep.cluster.records.LockRecord owner) {
    }

    /**
     * Every file and directory with its size as last made durable and the holders of its owner field, read from the
     * medium (the directory and file-lock regions up to the last entry in use: entries are taken lowest first).
     */
    public List<FileInfo> describe() throws IOException {
        int last = -1;
        for (DirectoryEntry e : ds.files()) {
            last = Math.max(last, e.index());
        }
        List<FileInfo> out = new ArrayList<>();
        for (int first = 0; first <= last; first += 256) {
            int n = Math.min(256, last + 1 - first);
            byte[] entries = ds.io().read(sb.directoryLba(first), n);
            byte[] locks = ds.io().read(sb.fileLockLba(first), n);
            for (int i = 0; i < n; i++) {
                int index = first + i;
                DirectoryEntry e;
                try {
                    e = DirectoryEntry.decode(java.util.Arrays.copyOfRange(entries, i * ss, (i + 1) * ss), sb.directoryLba(index), index);
                } catch (io.lockstep.cluster.records.CorruptRecordException damaged) {
                    continue; // named by the check
                }
                if (!e.inUse() || isReserved(e.name())) {
                    continue;
                }
                io.lockstep.cluster.records.LockRecord owner = null;
                try {
                    owner = io.lockstep.cluster.records.LockRecord.decode(java.util.Arrays.copyOfRange(locks, i * ss, (i + 1) * ss),
                            sb.fileLockLba(index), index);
                } catch (io.lockstep.cluster.records.CorruptRecordException damaged) {
                    // shown as held by nobody; the check names it
                }
                boolean held = owner != null && !owner.unused() && owner.entity().equals(e.name()) && !owner.owners().isEmpty();
                out.add(new FileInfo(e, held ? owner : null));
            }
        }
        out.sort((a, b) -> a.entry().name().compareTo(b.entry().name()));
        return out;
    }

    // --- usage and checking -------------------------------------------------------------------------------------------

    /** What the file system holds and has left. */
    public record Usage(long blocks, long usedBlocks, int blockBytes, int entries, int usedEntries, int files, int directories) {
        public long freeBlocks() {
            return blocks - usedBlocks;
        }
    }

    public Usage usage() throws IOException {
        java.util.BitSet used = FreeMap.read(ds.io(), sb).used();
        int files = 0;
        int dirs = 0;
        for (DirectoryEntry e : ds.files()) {
            if (e.isDirectory()) {
                dirs++;
            } else {
                files++;
            }
        }
        return new Usage(sb.blocks(), used.cardinality(), sb.blockBytes(), sb.directoryEntries(), files + dirs, files, dirs);
    }

    Datastore datastore() {
        return ds;
    }
}
