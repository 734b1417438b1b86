package io.lockstep.vdisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A virtual disk as a chain of VMDK sparse extents (ARCHITECTURE "Delta disks and checkpoints"): the top
 * delta takes every write; a read falls through the chain to the first extent that holds the grain, and
 * reads zeros when none does. Parents are opened read-only, so a parent is never written while it has a
 * child; {@link #snapshot} adds a delta, {@link #commit} merges the top into its parent, {@link #revert}
 * drops the top.
 *
 * <p>Opening follows each child's {@code parentFileNameHint} and checks that the parent's content id is the
 * one the child recorded, that capacities agree, and that the chain has no loop — each a clear error naming the
 * files. A chain lives in one folder: a hint is a bare file name in the child's folder ({@link LayerName}), and
 * one that is not (a path, {@code ..}, absolute) is refused rather than followed, so a disk file cannot make us
 * open, merge into or delete a file elsewhere.
 */
public final class DiskChain implements BlockDevice {

    public static final int MAX_DEPTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one layer of a chain is, for {@code lockstep vdisk info}. */
    public record Layer(Path path, int cid, int parentCid, String parentHint, long capacitySectors, long allocatedGrains, long fileBytes) {
    }

    private final List<SparseExtent> layers; // 0 is the top
    private final boolean writable;
    private boolean closed;

    private DiskChain(List<SparseExtent> layers, boolean writable) {
        this.layers = layers;
        this.writable = writable;
    }

    /** Creates a new base disk of {@code bytes} (a whole number of sectors). */
    public static void create(Path file, long bytes) throws IOException {
        if (bytes <= 0 || bytes % SECTOR != 0) {
            throw new IllegalArgumentException("size: expected a positive multiple of 512 bytes, found " + bytes);
        }
        SparseExtent.create(file, bytes / SECTOR, Descriptor.base(bytes / SECTOR, file.getFileName().toString(),
                Descriptor.newCid(RANDOM)));
    }

    /** Creates a delta {@code child} over {@code parent} (in the same folder), recording the parent's content id and name. */
    public static void createDelta(Path parent, Path child) throws IOException {
        String hint = hint(parent, child);
        try (SparseExtent p = SparseExtent.open(parent, false)) {
            SparseExtent.create(child, p.capacitySectors(), Descriptor.delta(p.capacitySectors(), child.getFileName().toString(),
                    Descriptor.newCid(RANDOM), p.descriptor().cid(), hint));
        }
    }

    /**
     * The parent's name as the child records it: its bare file name. A delta is made only in its parent's folder (a
     * chain lives in one folder), so the name means the same file wherever the folder is copied or mounted.
     */
    private static String hint(Path parent, Path child) {
        Path childDir = child.toAbsolutePath().normalize().getParent();
        Path parentDir = parent.toAbsolutePath().normalize().getParent();
        if (childDir == null || !childDir.equals(parentDir)) {
            throw new IllegalArgumentException("a delta is made in its parent's folder: expected " + child + " in " + parentDir + ", found it in "
                    + childDir);
        }
        return parent.toAbsolutePath().normalize().getFileName().toString();
    }

    /**
     * The file {@code child}'s descriptor names as its parent: a bare file name in {@code child}'s folder, or refused
     * with the value it holds (never a path that leads out of the folder).
     */
    private static Path parentPath(Path child, String hint) throws VmdkFormatException {
        Path folder = child.toAbsolutePath().normalize().getParent();
        String problem = LayerName.problem(folder, hint);
        if (problem != null) {
            throw new VmdkFormatException(child + ": parentFileNameHint: expected a bare file name in the disk's folder, found " + problem
                    + "; a delta chain stays in one folder, so it is not followed");
        }
        return folder.resolve(hint);
    }

    /** Opens the chain whose top is {@code top}; with {@code writable} the top takes writes. */
    public static DiskChain open(Path top, boolean writable) throws IOException {
        if (!Files.exists(top)) {
            throw new java.nio.file.NoSuchFileException(top.toString(), null, "no such disk");
        }
        List<SparseExtent> layers = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        try {
            Path current = top;
            boolean first = true;
            while (true) {
                Path real = current.toRealPath();
                if (!seen.add(real)) {
                    throw new VmdkFormatException("the delta chain of " + top + " loops: " + current + " is its own ancestor");
                }
                if (layers.size() >= MAX_DEPTH) {
                    throw new VmdkFormatException("the delta chain of " + top + " is deeper than " + MAX_DEPTH + " disks");
                }
                SparseExtent e = SparseExtent.open(current, writable && first);
                if (!layers.isEmpty()) {
                    SparseExtent child = layers.get(layers.size() - 1);
                    if (child.descriptor().parentCid() != e.descriptor().cid()) {
                        e.close();
                        throw new VmdkFormatException(String.format("%s records parent content id %08x but its parent %s has %08x: "
                                + "the parent changed after the delta was made", child.path(), child.descriptor().parentCid(), current,
                                e.descriptor().cid()));
                    }
                    if (child.capacitySectors() != e.capacitySectors()) {
                        e.close();
                        throw new VmdkFormatException(child.path() + " has " + child.capacitySectors() + " sectors but its parent "
                                + current + " has " + e.capacitySectors());
                    }
                }
                layers.add(e);
                first = false;
                if (!e.descriptor().hasParent()) {
                    break;
                }
                current = parentPath(current, e.descriptor().parentFileNameHint());
                if (!Files.exists(current)) {
                    throw new VmdkFormatException(e.path() + ": its parent " + current + " does not exist");
                }
            }
            return new DiskChain(layers, writable);
        } catch (IOException | RuntimeException e) {
            for (SparseExtent opened : layers) {
                try {
                    opened.close();
                } catch (IOException ignored) {
                    // the first failure is what the caller needs
                }
            }
            throw e;
        }
    }

    public Path top() {
        return layers.get(0).path();
    }

    public int depth() {
        return layers.size();
    }

    public List<Layer> layers() throws IOException {
        List<Layer> out = new ArrayList<>();
        for (SparseExtent e : layers) {
            Descriptor d = e.descriptor();
            out.add(new Layer(e.path(), d.cid(), d.parentCid(), d.parentFileNameHint(), e.capacitySectors(), e.allocatedGrains().size(),
                    e.fileBytes()));
        }
        return out;
    }

    @Override
    public long sectorCount() {
        return layers.get(0).capacitySectors();
    }

    // --- I/O ----------------------------------------------------------------------------------------------

    /** Refuses I/O that is not whole sectors or lies outside the disk, saying which. */
    public static void checkRange(long lba, int bytes, long sectorCount) throws IOException {
        if (bytes <= 0 || bytes % SECTOR != 0) {
            throw new IOException("I/O must be a whole number of 512-byte sectors, found " + bytes + " bytes");
        }
        long sectors = bytes / SECTOR;
        if (lba < 0 || lba + sectors > sectorCount) {
            throw new IOException("sectors " + lba + ".." + (lba + sectors - 1) + " are outside the disk's " + sectorCount + " sectors");
        }
    }

    @Override
    public synchronized byte[] read(long lba, int sectors) throws IOException {
        ensureOpen();
        byte[] out = new byte[sectors * SECTOR];
        checkRange(lba, out.length, sectorCount());
        int grainBytes = layers.get(0).grainBytes();
        long offset = lba * SECTOR;
        int done = 0;
        while (done < out.length) {
            long pos = offset + done;
            long grain = pos / grainBytes;
            int inGrain = (int) (pos % grainBytes);
            int n = Math.min(out.length - done, grainBytes - inGrain);
            readFromChain(0, grain, inGrain, out, done, n);
            done += n;
        }
        return out;
    }

    /** Reads part of a grain from the first layer at or below {@code from} that holds it; zeros when none does. */
    private void readFromChain(int from, long grain, int inGrain, byte[] out, int at, int n) throws IOException {
        for (int i = from; i < layers.size(); i++) {
            long sector = layers.get(i).grainSector(grain);
            if (sector == SparseExtent.ZEROED) {
                return; // the array is already zero
            }
            if (sector > 0) {
                layers.get(i).readAllocated(sector, inGrain, out, at, n);
                return;
            }
        }
    }

    @Override
    public synchronized void write(long lba, byte[] data) throws IOException {
        ensureOpen();
        if (!writable) {
            throw new IOException(top() + " was opened read-only");
        }
        checkRange(lba, data.length, sectorCount());
        SparseExtent top = layers.get(0);
        int grainBytes = top.grainBytes();
        long offset = lba * SECTOR;
        int done = 0;
        while (done < data.length) {
            long pos = offset + done;
            long grain = pos / grainBytes;
            int inGrain = (int) (pos % grainBytes);
            int n = Math.min(data.length - done, grainBytes - inGrain);
            top.write(grain, inGrain, data, done, n, (g, into) -> readFromChain(1, g, 0, into, 0, into.length));
            done += n;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        ensureOpen();
        if (writable) {
            layers.get(0).flush();
        }
    }

    // --- snapshot, commit, revert -------------------------------------------------------------------------

    /**
     * Makes the current top a parent: flushes it, creates {@code child} over it, and continues with the child
     * as the top (the old top reopened read-only).
     */
    public synchronized void snapshot(Path child) throws IOException {
        ensureWritableChain();
        SparseExtent oldTop = layers.get(0);
        hint(oldTop.path(), child); // refused before the top is touched
        oldTop.close();
        createDelta(oldTop.path(), child);
        layers.set(0, SparseExtent.open(oldTop.path(), false));
        layers.add(0, SparseExtent.open(child, true));
    }

    /**
     * A delta made ready over the current top while the guest still runs: created on disk and open for writing,
     * so that {@link #switchTo} — the part done with the guest stopped — only puts it on top.
     */
    public static final class PreparedDelta {
        private final SparseExtent extent;
        private final SparseExtent over;
        private boolean used;

        private PreparedDelta(SparseExtent extent, SparseExtent over) {
            this.extent = extent;
            this.over = over;
        }

        public Path path() {
            return extent.path();
        }

        /** Drops a delta that was never switched to (the checkpoint was abandoned). */
        public void discard() throws IOException {
            if (!used) {
                used = true;
                extent.close();
                Files.deleteIfExists(extent.path());
            }
        }
    }

    /** Creates {@code child} over the current top and opens it; the top goes on taking writes until {@link #switchTo}. */
    public synchronized PreparedDelta prepareSnapshot(Path child) throws IOException {
        ensureWritableChain();
        SparseExtent top = layers.get(0);
        String hint = hint(top.path(), child);
        top.flush(); // the child records the top's content id; the top's tables are durable before the child exists
        SparseExtent.create(child, top.capacitySectors(), Descriptor.delta(top.capacitySectors(), child.getFileName().toString(),
                Descriptor.newCid(RANDOM), top.descriptor().cid(), hint));
        return new PreparedDelta(SparseExtent.open(child, true), top);
    }

    /**
     * Puts a prepared delta on top: from now on writes go to it. Constant time (no I/O), meant to run with the
     * guest stopped; the old top stays open for writing until {@link #settle} flushes it and reopens it read-only.
     */
    public synchronized void switchTo(PreparedDelta delta) throws IOException {
        ensureWritableChain();
        if (delta.used || layers.get(0) != delta.over) {
            throw new IOException(delta.path() + " was prepared over a top that is no longer " + (delta.used ? "available" : "the top"));
        }
        delta.used = true;
        layers.add(0, delta.extent);
    }

    /** After {@link #switchTo}: makes the layers below the top durable and read-only, as a parent must be. */
    public synchronized void settle() throws IOException {
        ensureWritableChain();
        for (int i = 1; i < layers.size(); i++) {
            SparseExtent e = layers.get(i);
            if (e.writable()) {
                e.close();
                layers.set(i, SparseExtent.open(e.path(), false));
            }
        }
    }

    /**
     * Folds the top's parent into the top: every grain the parent holds and the top does not is copied up, then
     * the top records the grandparent as its parent (or none). What the chain reads does not change; the parent
     * file is left for the caller (other deltas may still be made over it). A crash before the top's descriptor
     * is rewritten leaves the top pointing at an unchanged parent, with copies of the same bytes.
     */
    public synchronized void absorbParent() throws IOException {
        ensureWritableChain();
        if (layers.size() < 2) {
            throw new IOException(top() + " has no parent to absorb");
        }
        SparseExtent top = layers.get(0);
        SparseExtent parent = layers.get(1);
        copyMissing(parent, top);
        top.flush();
        top.setDescriptor(parentedOn(top, layers.size() > 2 ? layers.get(2) : null));
        parent.close();
        layers.remove(1);
    }

    /**
     * {@link #absorbParent} for a delta no chain has open for writing (a checkpoint's disk): {@code child} takes in
     * its parent's grains and is re-parented onto its grandparent. Returns the parent, which the caller may delete
     * once no other delta uses it.
     */
    public static Path absorbParent(Path child) throws IOException {
        try (DiskChain chain = open(child, false)) {
            if (chain.depth() < 2) {
                throw new IOException(child + " has no parent to absorb");
            }
        }
        try (SparseExtent c = SparseExtent.open(child, true)) {
            Path parentPath = resolveParent(c);
            try (SparseExtent parent = SparseExtent.open(parentPath, false)) {
                SparseExtent grand = null;
                try {
                    if (parent.descriptor().hasParent()) {
                        grand = SparseExtent.open(resolveParent(parent), false);
                    }
                    copyMissing(parent, c);
                    c.flush();
                    c.setDescriptor(parentedOn(c, grand));
                } finally {
                    if (grand != null) {
                        grand.close();
                    }
                }
            }
            return parentPath;
        }
    }

    /** The deltas in {@code folder} whose parent is {@code layer} (absolute, normalized, sorted). */
    public static List<Path> childrenOf(Path folder, Path layer) throws IOException {
        Path l = layer.toAbsolutePath().normalize();
        List<Path> children = new ArrayList<>();
        try (var files = Files.newDirectoryStream(folder, "*.vmdk")) {
            for (Path f : files) {
                Path parent = parentOf(f);
                if (parent != null && parent.toAbsolutePath().normalize().equals(l)) {
                    children.add(f.toAbsolutePath().normalize());
                }
            }
        }
        children.sort(java.util.Comparator.naturalOrder());
        return children;
    }

    /** What {@link #mergeAway} did, and what the caller still has to do. */
    public enum Merge {
        /** The running delta was committed into the layer, which is now this chain's top (the running disk). */
        COMMITTED,
        /** The deltas over the layer took in its grains; the caller deletes the layer's file. */
        ABSORBED,
        /** As {@link #ABSORBED}, and the layer was below this chain's top: reopen the chain to read the files as they are now. */
        ABSORBED_BELOW_TOP
    }

    /**
     * Merges away {@code layer} (a checkpoint's frozen disk) whose deltas are {@code children} ({@link #childrenOf}):
     * when this chain's top (the running delta) is its only child, the top is committed into it; otherwise every child
     * takes in the layer's grains and is re-parented onto the layer's parent — the top through this chain, the others
     * by their files. Deleting the layer's file, saving which disk runs and reopening are the caller's.
     */
    public synchronized Merge mergeAway(Path layer, List<Path> children) throws IOException {
        Path l = layer.toAbsolutePath().normalize();
        Path running = top().toAbsolutePath().normalize();
        if (children.size() == 1 && children.get(0).equals(running)) {
            commit();
            return Merge.COMMITTED;
        }
        boolean inChain = false;
        for (Layer x : layers()) {
            inChain |= x.path().toAbsolutePath().normalize().equals(l);
        }
        for (Path child : children) {
            if (child.equals(running)) {
                absorbParent();
            } else {
                absorbParent(child);
            }
        }
        return inChain && !children.contains(running) ? Merge.ABSORBED_BELOW_TOP : Merge.ABSORBED;
    }

    /** The parent a delta names, as a path. */
    public static Path parentOf(Path child) throws IOException {
        try (SparseExtent c = SparseExtent.open(child, false)) {
            return c.descriptor().hasParent() ? resolveParent(c) : null;
        }
    }

    private static Path resolveParent(SparseExtent e) throws VmdkFormatException {
        return parentPath(e.path(), e.descriptor().parentFileNameHint());
    }

    private static Descriptor parentedOn(SparseExtent e, SparseExtent newParent) {
        return newParent == null ? e.descriptor().withParent(Descriptor.NO_PARENT, null)
                : e.descriptor().withParent(newParent.descriptor().cid(), hint(newParent.path(), e.path()));
    }

    private static void copyMissing(SparseExtent from, SparseExtent into) throws IOException {
        byte[] grain = new byte[from.grainBytes()];
        long grains = (from.capacitySectors() * SECTOR + grain.length - 1) / grain.length;
        for (long g = 0; g < grains; g++) {
            long at = from.grainSector(g);
            if (at == 0 || into.grainSector(g) != 0) {
                continue;
            }
            if (at == SparseExtent.ZEROED) {
                java.util.Arrays.fill(grain, (byte) 0);
            } else {
                from.readAllocated(at, 0, grain, 0, grain.length);
            }
            into.writeGrain(g, grain);
        }
    }

    /** Result of a commit: how many grains moved into the parent. */
    public record CommitResult(Path merged, Path into, long grains, long bytes) {
    }

    /**
     * Merges the top delta into its parent and deletes the delta: its grains are written into the parent and
     * made durable, then the parent's content id changes (children made from the parent before no longer open
     * over it), then the delta file goes. A crash before the content id changes leaves the delta whole and still
     * valid (it holds every grain it merged); after, the parent holds everything.
     */
    public synchronized CommitResult commit() throws IOException {
        ensureWritableChain();
        if (layers.size() < 2) {
            throw new IOException(top() + " has no parent to commit into");
        }
        SparseExtent delta = layers.get(0);
        delta.flush();
        Path parentPath = layers.get(1).path();
        layers.get(1).close();
        SparseExtent parent = SparseExtent.open(parentPath, true);
        layers.set(1, parent);
        byte[] grain = new byte[delta.grainBytes()];
        long moved = 0;
        for (long g : delta.allocatedGrains()) {
            delta.readAllocated(delta.grainSector(g), 0, grain, 0, grain.length);
            parent.writeGrain(g, grain);
            moved++;
        }
        parent.flush();
        parent.setCid(Descriptor.newCid(RANDOM));
        Path deltaPath = delta.path();
        delta.close();
        Files.delete(deltaPath);
        layers.remove(0);
        return new CommitResult(deltaPath, parentPath, moved, moved * grain.length);
    }

    /** Drops the top delta (its writes are gone); its parent becomes the top again, writable. */
    public synchronized Path revert() throws IOException {
        ensureWritableChain();
        if (layers.size() < 2) {
            throw new IOException(top() + " has no parent to revert to");
        }
        SparseExtent delta = layers.remove(0);
        Path deltaPath = delta.path();
        delta.close();
        Files.delete(deltaPath);
        Path parentPath = layers.get(0).path();
        layers.get(0).close();
        layers.set(0, SparseExtent.open(parentPath, true));
        return deltaPath;
    }

    /**
     * Opens the chain again from its top, in place: for a chain whose lower layers were changed through other handles
     * (a checkpoint's layer absorbed into the delta over it, {@link #absorbParent(Path)}), so that reads go through the
     * files as they are now. Whoever holds this chain (a target serving it) keeps it; its writes wait meanwhile.
     */
    public synchronized void reopen() throws IOException {
        ensureOpen();
        if (writable) {
            layers.get(0).flush();
        }
        Path topPath = top();
        List<SparseExtent> old = new ArrayList<>(layers);
        for (SparseExtent e : old) {
            e.close();
        }
        DiskChain fresh;
        try {
            fresh = open(topPath, writable);
        } catch (IOException | RuntimeException e) {
            closed = true; // its layers are closed: say so at the next use rather than read through closed files
            throw e;
        }
        layers.clear();
        layers.addAll(fresh.layers);
    }

    /** Checks every layer (see {@link SparseExtent#check()}); returns "file: problem" lines. */
    public synchronized List<String> check() throws IOException {
        List<String> problems = new ArrayList<>();
        for (SparseExtent e : layers) {
            for (String p : e.check()) {
                problems.add(e.path() + ": " + p);
            }
        }
        return problems;
    }

    private void ensureWritableChain() throws IOException {
        ensureOpen();
        if (!writable) {
            throw new IOException(top() + " was opened read-only");
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the disk chain of " + top() + " is closed");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (SparseExtent e : layers) {
            try {
                e.close();
            } catch (IOException x) {
                first = first == null ? x : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
