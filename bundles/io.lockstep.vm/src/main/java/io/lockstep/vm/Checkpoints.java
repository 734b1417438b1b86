package io.lockstep.vm;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lockstep.storage.file.OwnerOnly;
import io.lockstep.vdisk.BlockDevice;
import io.lockstep.vdisk.DiskChain;
import io.lockstep.vdisk.LayerName;

/**
 * The checkpoints of one VM, kept in its folder next to its disk (ARCHITECTURE "Delta disks and checkpoints").
 *
 * <h2>Taking one</h2>
 * While the guest runs, a delta is made ready over the running disk. Then, with the vCPU stopped: the delta goes
 * on top (no I/O), memory becomes copy-on-write (a bitmap), the device state is copied (a few hundred bytes) —
 * and the guest runs again. The stop does not grow with the guest's memory. A writer thread then makes the old
 * top durable and read-only — the checkpoint's disk — and writes every page as it was at the stop (the saved
 * old copy where the guest has written since) to {@code cp-NNNNNN.lscp.part}, renamed to {@code cp-NNNNNN.lscp}
 * when whole. A crash while writing leaves a {@code .part} file that the next open removes, the previous
 * checkpoints and the running disk untouched.
 *
 * <h2>The folder</h2>
 * {@code vm.properties} names the running disk (the top of its delta chain). Each checkpoint is its file plus
 * the disk layer its header names; the checkpoint a state descends from is the nearest ancestor layer that is
 * some checkpoint's disk — the tree needs no other record.
 */
public final class Checkpoints implements AutoCloseable {

    public static final String STATE_FILE = "vm.properties";
    private static final Pattern CP = Pattern.compile("cp-(\\d{6})\\.lscp");
    private static final long PROGRESS_EVERY_NANOS = 50_000_000;

    /** A checkpoint on disk. */
    public record Info(int id, String name, long createdMillis, long position, String guestSpec, long memoryBytes, Path file, Path disk,
            int parent) {
    }

    public enum Phase {
        WRITING, DONE, FAILED
    }

    /** A checkpoint being written: its stop time, its progress (pages written of the pages that hold something). */
    public static final class Capture {
        private final int id;
        private final String name;
        private final long stunNanos;
        private final long position;
        private final long pagesTotal;
        private final long started = System.nanoTime();
        private volatile long pagesWritten;
        private volatile long bytesWritten;
        private volatile long finished;
        private volatile long positionWhenWritten = -1;
        private volatile Phase phase = Phase.WRITING;
        private volatile Throwable error;
        private volatile boolean cancelRequested;
        private volatile byte[] digest;
        private final CompletableFuture<Info> done = new CompletableFuture<>();

        Capture(int id, String name, long stunNanos, long position, long pagesTotal) {
            this.id = id;
            this.name = name;
            this.stunNanos = stunNanos;
            this.position = position;
            this.pagesTotal = pagesTotal;
        }

        /**
         * Asks the writer to stop: the half-written file is removed and the task fails with a
         * {@link java.util.concurrent.CancellationException}; the guest and the earlier checkpoints are untouched (the
         * disk layer frozen for this checkpoint stays in the chain as an ordinary layer).
         */
        public void cancel() {
            cancelRequested = true;
        }

        public boolean cancelled() {
            return phase == Phase.FAILED && error instanceof java.util.concurrent.CancellationException;
        }

        public int id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** How long the vCPU was stopped. */
        public long stunNanos() {
            return stunNanos;
        }

        /** The guest's position at the checkpoint. */
        public long position() {
            return position;
        }

        /** The guest's position when the file was whole (it kept running meanwhile). */
        public long positionWhenWritten() {
            return positionWhenWritten;
        }

        public long pagesWritten() {
            return pagesWritten;
        }

        public long pagesTotal() {
            return pagesTotal;
        }

        public long bytesWritten() {
            return bytesWritten;
        }

        public double fraction() {
            return phase == Phase.DONE ? 1.0 : pagesTotal == 0 ? 0 : Math.min(1.0, (double) pagesWritten / pagesTotal);
        }

        public Phase phase() {
            return phase;
        }

        public Throwable error() {
            return error;
        }

        /** The state digest at the checkpoint (once written). */
        public byte[] digest() {
            return digest == null ? null : digest.clone();
        }

        /** Time from the stop to the file being whole (still running: so far). */
        public long writeNanos() {
            return (finished == 0 ? System.nanoTime() : finished) - started;
        }

        public CompletableFuture<Info> done() {
            return done;
        }

        @Override
        public String toString() {
            return String.format("checkpoint %d '%s': %s %d/%d pages (%.0f%%)", id, name, phase, pagesWritten, pagesTotal, fraction() * 100);
        }
    }

    private final Path dir;
    private final Vm vm;
    private final List<String> recovered = new ArrayList<>();
    private final List<Consumer<Capture>> listeners = new CopyOnWriteArrayList<>();
    private volatile Capture writing;
    private Thread writer;
    private volatile long rateLimitBytesPerSecond;

    /**
     * Opens the checkpoints of {@code vm}, whose disk must be a delta chain in {@code dir}. Files a crash left half
     * written are removed (see {@link #recovered()}).
     */
    public Checkpoints(Path dir, Vm vm) throws IOException {
        this.dir = dir;
        this.vm = vm;
        if (!(BlockDevice.innermost(vm.disk()) instanceof DiskChain chain)) {
            throw new IllegalArgumentException(vm.name() + ": checkpoints need a VMDK delta chain as the disk, found "
                    + (vm.disk() == null ? "no disk" : BlockDevice.innermost(vm.disk()).getClass().getSimpleName()));
        }
        if (!chain.top().toAbsolutePath().getParent().equals(dir.toAbsolutePath())) {
            throw new IllegalArgumentException(vm.name() + ": the running disk " + chain.top() + " is not in the VM folder " + dir);
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "cp-*.lscp.part")) {
            for (Path p : parts) {
                recovered.add(p.getFileName() + ": a checkpoint interrupted while its memory was written; removed");
                Files.delete(p);
            }
        }
        saveState(chain.top());
    }

    /**
     * The running disk a VM folder names (null if it names none yet): a bare file name in the folder, or refused with
     * what it holds — {@code vm.properties} cannot make the VM run on (and write into) a disk outside its folder.
     */
    public static Path runningDisk(Path dir) throws IOException {
        Path state = dir.resolve(STATE_FILE);
        if (!Files.exists(state)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(state)) {
            p.load(in);
        }
        String running = p.getProperty("running");
        if (running == null || running.isBlank()) {
            throw new CheckpointFormatException(state + ": expected a line running=<disk file>, found none");
        }
        String problem = LayerName.problem(dir.toAbsolutePath().normalize(), running);
        if (problem != null) {
            throw new CheckpointFormatException(state + ": running: expected a bare file name in the VM folder, found " + problem);
        }
        return dir.resolve(running);
    }

    /** What opening the folder cleaned up (half-written checkpoints). */
    public List<String> recovered() {
        return List.copyOf(recovered);
    }

    /** Called as a checkpoint is written (about every 50 ms) and when it is whole or failed. */
    public void addListener(Consumer<Capture> listener) {
        listeners.add(listener);
    }

    /** Caps the file write rate (0: none); a slow disk, or a test that wants a long write. */
    public void setRateLimit(long bytesPerSecond) {
        this.rateLimitBytesPerSecond = Math.max(0, bytesPerSecond);
    }

    public Capture writing() {
        Capture t = writing;
        return t != null && t.phase == Phase.WRITING ? t : null;
    }

    private DiskChain chain() {
        return (DiskChain) BlockDevice.innermost(vm.disk());
    }

    /** Moves the VM to {@code chain}: the innermost front device when the disk has fronts, else the VM itself. */
    private void useDisk(DiskChain chain) {
        BlockDevice d = vm.disk();
        if (d instanceof BlockDevice.Layered) {
            BlockDevice.Layered front = (BlockDevice.Layered) d;
            while (front.underlying() instanceof BlockDevice.Layered inner) {
                front = inner;
            }
            front.reattach(chain);
        } else {
            vm.setDisk(chain);
        }
    }

    // --- listing ----------------------------------------------------------------------------------------------

    /** The checkpoints whose files are whole, oldest first, each with the checkpoint it descends from (0: none). */
    public synchronized List<Info> list() throws IOException {
        Map<Integer, CheckpointFile.Header> headers = new TreeMap<>();
        Map<Integer, Path> files = new HashMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "cp-*.lscp")) {
            for (Path f : s) {
                Matcher m = CP.matcher(f.getFileName().toString());
                if (m.matches()) {
                    CheckpointFile.Header h = CheckpointFile.readHeader(f);
                    headers.put(Integer.parseInt(m.group(1)), h);
                    files.put(Integer.parseInt(m.group(1)), f);
                }
            }
        }
        Map<Path, Integer> byDisk = new HashMap<>();
        headers.forEach((id, h) -> byDisk.put(dir.resolve(h.diskLayer()).toAbsolutePath().normalize(), id));
        List<Info> out = new ArrayList<>();
        for (Map.Entry<Integer, CheckpointFile.Header> e : headers.entrySet()) {
            CheckpointFile.Header h = e.getValue();
            Path disk = dir.resolve(h.diskLayer());
            out.add(new Info(e.getKey(), h.name(), h.createdMillis(), h.position(), h.guestSpec(), h.memoryBytes(), files.get(e.getKey()), disk,
                    Files.exists(disk) ? ancestorCheckpoint(disk, byDisk) : 0));
        }
        return out;
    }

    /** The checkpoint the running state descends from (0: none). */
    public synchronized int current() throws IOException {
        Map<Path, Integer> byDisk = new HashMap<>();
        for (Info i : list()) {
            byDisk.put(i.disk().toAbsolutePath().normalize(), i.id());
        }
        return ancestorCheckpoint(chain().top(), byDisk);
    }

    private static int ancestorCheckpoint(Path layer, Map<Path, Integer> byDisk) throws IOException {
        Path p = DiskChain.parentOf(layer);
        for (int depth = 0; p != null && depth < DiskChain.MAX_DEPTH; depth++) {
            Integer id = byDisk.get(p.toAbsolutePath().normalize());
            if (id != null) {
                return id;
            }
            p = Files.exists(p) ? DiskChain.parentOf(p) : null;
        }
        return 0;
    }

    public synchronized Info find(int id) throws IOException {
        for (Info i : list()) {
            if (i.id() == id) {
                return i;
            }
        }
        List<String> ids = new ArrayList<>();
        for (Info i : list()) {
            ids.add(Integer.toString(i.id()));
        }
        throw new IllegalArgumentException("no checkpoint " + id + " in " + dir + ": expected one of "
                + (ids.isEmpty() ? "(none taken yet)" : String.join(", ", ids)));
    }

    // --- create -----------------------------------------------------------------------------------------------

    /** Takes a checkpoint: stops the guest briefly, then writes its memory in the background (see the class comment). */
    public synchronized Capture create(String name) throws IOException, InterruptedException {
        refuseWhileWriting("take another checkpoint");
        if (vm.state() != Vm.State.RUNNING && vm.state() != Vm.State.PAUSED) {
            throw new IllegalStateException(vm.name() + " is " + vm.state() + "; a checkpoint needs a started guest");
        }
        int id = nextId();
        DiskChain chain = chain();
        Path frozen = chain.top();
        DiskChain.PreparedDelta delta = chain.prepareSnapshot(nextLayer());
        boolean wasRunning = !vm.isPaused();
        byte[] device;
        long position;
        int allocated;
        long t0 = System.nanoTime();
        vm.pause();
        try {
            chain.switchTo(delta);
            vm.memory().beginCopyOnWrite();
            device = vm.deviceStateBytes();
            position = vm.position();
            allocated = vm.memory().allocatedPages();
        } catch (IOException | RuntimeException e) {
            if (wasRunning) {
                vm.resume();
            }
            delta.discard();
            throw e;
        }
        if (wasRunning) {
            vm.resume();
        }
        long stun = System.nanoTime() - t0;
        saveState(delta.path());
        CheckpointFile.Header header = new CheckpointFile.Header(id, System.currentTimeMillis(), name == null ? "" : name,
                vm.program().spec(), vm.memory().bytes(), position, frozen.getFileName().toString(), device);
        Capture task = new Capture(id, header.name(), stun, position, allocated);
        writing = task;
        writer = new Thread(() -> write(task, header), "checkpoint-" + vm.name() + "-" + id);
        writer.setDaemon(true);
        writer.start();
        return task;
    }

    private void write(Capture task, CheckpointFile.Header h) {
        GuestMemory memory = vm.memory();
        Path part = dir.resolve(fileName(h.id()) + ".part");
        Path file = dir.resolve(fileName(h.id()));
        long lastProgress = System.nanoTime();
        try {
            chain().settle(); // the checkpoint's disk: durable and read-only before its memory is written
            MessageDigest fileSha = Vm.sha256();
            MessageDigest state = Vm.sha256();
            state.update(h.deviceState());
            int pages = 0;
            try (FileChannel ch = OwnerOnly.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) { // 0600: guest memory
                OutputStream counted = new CountingStream(Channels.newOutputStream(ch), task);
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(new BufferedOutputStream(counted, 1 << 16), fileSha));
                CheckpointFile.writeHeader(out, h);
                byte[] index = new byte[4];
                for (int i = 0; i < memory.pageCount(); i++) {
                    byte[] page = memory.frozenPage(i);
                    if (page == null) {
                        continue;
                    }
                    out.writeInt(i);
                    out.write(page);
                    if (!GuestMemory.isZero(page)) {
                        index[0] = (byte) (i >>> 24);
                        index[1] = (byte) (i >>> 16);
                        index[2] = (byte) (i >>> 8);
                        index[3] = (byte) i;
                        state.update(index);
                        state.update(page);
                    }
                    pages++;
                    task.pagesWritten = pages;
                    if (task.cancelRequested) {
                        throw new java.util.concurrent.CancellationException("checkpoint " + h.id() + " cancelled after " + pages + " of "
                                + task.pagesTotal + " pages");
                    }
                    long now = System.nanoTime();
                    if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                        lastProgress = now;
                        notifyListeners(task);
                    }
                }
                byte[] digest = state.digest();
                out.writeInt(CheckpointFile.END_OF_PAGES);
                out.writeInt(pages);
                out.write(digest);
                out.writeInt(CheckpointFile.END_MAGIC);
                out.flush();
                byte[] sha = fileSha.digest();
                counted.write(sha);
                counted.flush();
                ch.force(true);
                task.digest = digest;
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            syncDir();
            task.positionWhenWritten = vm.position();
            task.finished = System.nanoTime();
            task.phase = Phase.DONE;
            memory.endCopyOnWrite();
            notifyListeners(task);
            task.done.complete(new Info(h.id(), h.name(), h.createdMillis(), h.position(), h.guestSpec(), h.memoryBytes(), file,
                    dir.resolve(h.diskLayer()), 0));
        } catch (Throwable t) {
            memory.endCopyOnWrite();
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the next open removes it
            }
            task.error = t;
            task.finished = System.nanoTime();
            task.phase = Phase.FAILED;
            notifyListeners(task);
            task.done.completeExceptionally(t);
        }
    }

    /** Counts bytes for progress and applies the rate limit. */
    private final class CountingStream extends OutputStream {
        private final OutputStream out;
        private final Capture task;

        CountingStream(OutputStream out, Capture task) {
            this.out = out;
            this.task = task;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            task.bytesWritten += len;
            long limit = rateLimitBytesPerSecond;
            if (limit > 0) {
                long due = task.started + task.bytesWritten * 1_000_000_000L / limit;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("the checkpoint write was interrupted");
                    }
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    private void notifyListeners(Capture task) {
        for (Consumer<Capture> l : listeners) {
            try {
                l.accept(task);
            } catch (RuntimeException e) {
                System.getLogger(Checkpoints.class.getName()).log(System.Logger.Level.WARNING, "a checkpoint listener failed", e);
            }
        }
    }

    /** Waits for the checkpoint being written (if any); its failure is rethrown. */
    public void awaitWritten() throws IOException, InterruptedException {
        Capture t = writing;
        if (t == null) {
            return;
        }
        try {
            t.done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("checkpoint " + t.id + " could not be written: " + e.getCause().getMessage(), e.getCause());
        }
    }

    // --- revert -----------------------------------------------------------------------------------------------

    /**
     * Returns the VM to checkpoint {@code id}: the file is checked whole first (a damaged one changes nothing), a
     * new delta is made over the checkpoint's disk, then with the guest stopped its memory and devices are
     * loaded and it moves to the new delta. The discarded running delta is deleted. A running guest runs again.
     */
    public synchronized Info revert(int id) throws IOException, InterruptedException {
        refuseWhileWriting("revert");
        Info cp = find(id);
        CheckpointFile.Verified v = CheckpointFile.verify(cp.file());
        if (!v.header().guestSpec().equals(vm.program().spec()) || v.header().memoryBytes() != vm.memory().bytes()) {
            throw new IllegalArgumentException("checkpoint " + id + " is of guest " + v.header().guestSpec() + " with "
                    + v.header().memoryBytes() + " bytes; " + vm.name() + " runs " + vm.program().spec() + " with " + vm.memory().bytes());
        }
        if (!Files.exists(cp.disk())) {
            throw new IOException("checkpoint " + id + ": its disk " + cp.disk() + " is missing");
        }
        Path newTop = nextLayer();
        DiskChain.createDelta(cp.disk(), newTop);
        DiskChain fresh;
        try {
            fresh = DiskChain.open(newTop, true);
        } catch (IOException e) {
            Files.deleteIfExists(newTop);
            throw e;
        }
        DiskChain old = chain();
        boolean wasRunning = !vm.isPaused();
        vm.pause();
        try {
            GuestMemory memory = vm.memory();
            memory.clear();
            CheckpointFile.load(cp.file(), memory::loadPage); // verified above; one pass here
            vm.restoreDeviceState(v.header().deviceState());
            useDisk(fresh);
        } finally {
            if (wasRunning) {
                vm.resume();
            }
        }
        saveState(newTop);
        Path discarded = old.top();
        old.close();
        if (!isCheckpointDisk(discarded)) {
            Files.deleteIfExists(discarded);
        }
        return cp;
    }

    // --- delete -----------------------------------------------------------------------------------------------

    /**
     * Deletes checkpoint {@code id}: its memory file goes, and its disk layer is merged away. When the running
     * delta is the layer's only child, the running delta is committed into it (the layer becomes the running disk);
     * otherwise each child takes in the layer's grains and is re-parented, and the layer goes.
     */
    public synchronized void delete(int id) throws IOException, InterruptedException {
        refuseWhileWriting("delete a checkpoint");
        Info cp = find(id);
        Path layer = cp.disk().toAbsolutePath().normalize();
        DiskChain.Merge done = chain().mergeAway(layer, DiskChain.childrenOf(dir, layer));
        if (done == DiskChain.Merge.COMMITTED) { // the running delta merged into the layer, which becomes the running disk
            saveState(layer);
            Files.delete(cp.file());
            syncDir();
            return;
        }
        Files.delete(cp.file());
        syncDir();
        if (done == DiskChain.Merge.ABSORBED_BELOW_TOP) {
            reopenRunningChain(); // a layer below the top changed: read through the new chain
        }
        Files.deleteIfExists(layer);
        syncDir();
    }

    private void reopenRunningChain() throws IOException, InterruptedException {
        DiskChain old = chain();
        boolean wasRunning = !vm.isPaused();
        vm.pause();
        try {
            old.flush();
            useDisk(DiskChain.open(old.top(), true));
        } finally {
            if (wasRunning) {
                vm.resume();
            }
        }
        old.close();
    }

    private boolean isCheckpointDisk(Path disk) throws IOException {
        Path d = disk.toAbsolutePath().normalize();
        for (Info i : list()) {
            if (i.disk().toAbsolutePath().normalize().equals(d)) {
                return true;
            }
        }
        return false;
    }

    // --- the folder -------------------------------------------------------------------------------------------

    private void refuseWhileWriting(String what) {
        Capture t = writing();
        if (t != null) {
            throw new IllegalStateException(String.format("cannot %s: checkpoint %d is still being written (%.0f%%); wait for it",
                    what, t.id, t.fraction() * 100));
        }
    }

    static String fileName(int id) {
        return String.format("cp-%06d.lscp", id);
    }

    private int nextId() throws IOException {
        int max = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "cp-*")) {
            for (Path f : s) {
                Matcher m = Pattern.compile("cp-(\\d{6})\\.lscp(\\.part)?").matcher(f.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return max + 1;
    }

    /** A new layer's name: the base disk's name with the next free number ({@code kv-000004.vmdk}). */
    private Path nextLayer() throws IOException {
        List<DiskChain.Layer> layers = chain().layers();
        String base = layers.get(layers.size() - 1).path().getFileName().toString().replaceFirst("\\.vmdk$", "");
        String stem = base.replaceFirst("-\\d{6}$", "");
        Pattern p = Pattern.compile(Pattern.quote(stem) + "-(\\d{6})\\.vmdk");
        int max = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.vmdk")) {
            for (Path f : s) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) {
                    max = Math.max(max, Integer.parseInt(m.group(1)));
                }
            }
        }
        return dir.resolve(String.format("%s-%06d.vmdk", stem, max + 1));
    }

    private void saveState(Path running) throws IOException {
        writeRunningDisk(dir, running);
    }

    /**
     * Names {@code running} (a file in {@code dir}) as the VM folder's running disk, durably (written aside, forced,
     * renamed, the folder forced): what {@link #runningDisk(Path)} reads. For the QEMU guests' checkpoints, which switch
     * the disk themselves.
     */
    public static void writeRunningDisk(Path dir, Path running) throws IOException {
        Path state = dir.resolve(STATE_FILE);
        Path tmp = dir.resolve(STATE_FILE + ".tmp");
        String text = "# the VM's running disk (the top of its delta chain)\nrunning=" + running.getFileName() + "\n";
        try (FileChannel ch = OwnerOnly.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDir(dir);
    }

    private void syncDir() {
        syncDir(dir);
    }

    private static void syncDir(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("syncing the VM folder " + dir, e);
        }
    }

    /** Waits for a checkpoint being written; the VM and its disk stay the caller's. */
    @Override
    public void close() throws IOException {
        try {
            Thread w = writer;
            if (w != null) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
