package io.lockstep.cluster.stress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;

import io.lockstep.cluster.AcquisitionMode;
import io.lockstep.cluster.HostIdentity;
import io.lockstep.cluster.datastore.Datastore;
import io.lockstep.cluster.datastore.DatastoreFile;
import io.lockstep.cluster.datastore.DatastoreFiles;
import io.lockstep.cluster.records.DirectoryEntry;
import io.lockstep.storage.file.FileMedium;

/**
 * One host changing files on the datastore, as a process of its own, until it is killed: in its own directory it creates
 * files, appends to them, overwrites and truncates them, renames and deletes them — each change forced before it is
 * acknowledged. One line per step on stdout:
 * <pre>
 * MOUNTED slot          BEGIN op path [path]      ACK put path size crc32c | ACK rm path | ACK mv from to      ERR message
 * </pre>
 * Arguments: lun-file host-name ats|reserve seed
 */
public final class FileStressWorker {

    /** Files stay below this, so the checker reads each whole. */
    static final int MAX_FILE = 2 << 20;

    public static void main(String[] args) throws Exception {
        String name = args[1];
        Random random = new Random(Long.parseLong(args[3]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FileMedium medium = FileMedium.open(Path.of(args[0]), name);
        Datastore ds = Datastore.mount(medium, HostIdentity.named(name), AcquisitionMode.parse(args[2]));
        DatastoreFiles fs = ds.fs();
        String dir = directoryOf(name);
        out.println("MOUNTED " + ds.host().slot());
        while (true) {
            try {
                fs.mkdirs(dir); // here, not once: a host that self-fenced on a busy machine goes on once a renewal succeeds
                step(fs, dir, random, out);
            } catch (IOException | RuntimeException e) {
                out.println("ERR " + e);
                if (ds.host().fencedReason() != null) {
                    System.exit(3);
                }
            }
        }
    }

    /** A worker's directory: its host name without the ".N" a restart as a new host adds. */
    static String directoryOf(String host) {
        return "/" + host.replaceAll("\\..*", "");
    }

    private static void step(DatastoreFiles fs, String dir, Random random, PrintStream out) throws IOException {
        List<DirectoryEntry> files = fs.list(dir);
        int op = random.nextInt(100);
        if (files.isEmpty() || op < 30) {
            String path = dir + "/f" + random.nextInt(200);
            if (fs.lookup(path).isPresent()) {
                return;
            }
            out.println("BEGIN put " + path);
            byte[] data = new byte[1 + random.nextInt(300_000)];
            random.nextBytes(data);
            try (DatastoreFile f = fs.open(path, DatastoreFiles.Access.WRITE, false, true, false)) {
                f.write(ByteBuffer.wrap(data), 0);
                f.force();
            }
            out.println("ACK put " + path + " " + data.length + " " + crc(data));
            return;
        }
        String path = files.get(random.nextInt(files.size())).name();
        if (op < 70) {
            out.println("BEGIN put " + path);
            try (DatastoreFile f = fs.open(path, DatastoreFiles.Access.WRITE, false, false, false)) {
                long size = f.size();
                if (size > MAX_FILE / 2 || op >= 60) {
                    f.truncate(random.nextInt((int) Math.max(1, size)));
                } else {
                    byte[] data = new byte[1 + random.nextInt(200_000)];
                    random.nextBytes(data);
                    long at = op < 50 ? size : random.nextInt((int) Math.max(1, size)); // append, or overwrite (and maybe extend)
                    f.write(ByteBuffer.wrap(data), at);
                }
                f.force();
                byte[] all = readAll(f);
                out.println("ACK put " + path + " " + all.length + " " + crc(all));
            }
        } else if (op < 85) {
            String to = dir + "/f" + random.nextInt(200);
            if (fs.lookup(to).isPresent()) {
                return;
            }
            out.println("BEGIN mv " + path + " " + to);
            fs.rename(path, to);
            out.println("ACK mv " + path + " " + to);
        } else {
            out.println("BEGIN rm " + path);
            fs.delete(path);
            out.println("ACK rm " + path);
        }
    }

    static byte[] readAll(DatastoreFile f) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) f.size());
        while (b.hasRemaining() && f.read(b, b.position()) > 0) {
            // whole
        }
        return b.array();
    }

    static long crc(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data);
        return c.getValue();
    }
}
