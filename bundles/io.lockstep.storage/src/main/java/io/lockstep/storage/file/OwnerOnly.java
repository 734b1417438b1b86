package io.lockstep.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that only their owner may open: LUN files, disks, checkpoints (guest memory), input logs, key
 * stores and the folders that hold them. The mode is given when the file or folder is created (0600, 0700), never
 * changed afterwards, so there is no moment at which the umask's wider mode lets another user open it. On a file
 * system without POSIX permissions (the datastore on a LUN) files are created as that file system creates them.
 */
public final class OwnerOnly {

    /** rw------- */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** rwx------ */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private OwnerOnly() {
    }

    /** Whether {@code p}'s file system keeps POSIX permissions. */
    public static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attributes that create {@code file} readable and writable by its owner only (none where not POSIX). */
    public static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
    }

    /** The attributes that create {@code folder} for its owner only (none where not POSIX). */
    public static FileAttribute<?>[] folderAttributes(Path folder) {
        return posix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)} : NONE;
    }

    /** Opens {@code file} with {@code options}; if the options create it, it is created 0600. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), fileAttributes(file));
    }

    /** Creates a new, empty file, 0600; fails if something is there. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, fileAttributes(file));
    }

    /**
     * Creates {@code folder} and any missing parents, each 0700. A folder that exists already keeps its mode: it is
     * the operator's (a data directory they made on purpose), and changing it behind their back is not ours to do.
     */
    public static Path createDirectories(Path folder) throws IOException {
        return Files.createDirectories(folder, folderAttributes(folder));
    }
}
