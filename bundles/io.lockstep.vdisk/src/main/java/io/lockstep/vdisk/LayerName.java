package io.lockstep.vdisk;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How one file names another layer of the same disk: a VMDK delta its parent ({@code parentFileNameHint}), a checkpoint
 * its disk layer, a VM folder its running disk. Every such name is a bare file name in the folder of the file that
 * records it — no separator, not {@code .} or {@code ..}, not absolute — so what a file on the datastore says can never
 * make us open, merge into or delete a file outside that folder. (qemu-img writes such a bare name when parent and
 * delta share a folder, as ours always do.)
 */
public final class LayerName {

    /** The longest file name Linux file systems (and the datastore) accept. */
    public static final int MAX_BYTES = 255;

    private LayerName() {
    }

    /**
     * What is wrong with {@code name} as the name of a file in {@code folder}, in words that follow "expected a bare
     * file name in the same folder, found …" — or null when it is one.
     */
    public static String problem(Path folder, String name) {
        if (name == null || name.isEmpty()) {
            return "an empty name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "\"" + name + "\"";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "\"" + name + "\" (a path, with '" + c + "')";
            }
            if (c < 0x20 || c == 0x7f) {
                return "a name with control character " + (int) c;
            }
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "a name of " + name.length() + " characters (at most " + MAX_BYTES + " bytes)";
        }
        try {
            Path f = folder.getFileSystem().getPath(name);
            Path resolved = folder.resolve(f);
            if (f.isAbsolute() || f.getNameCount() != 1 || !resolved.normalize().getParent().equals(folder.normalize())) {
                return "\"" + name + "\" (outside the folder)";
            }
        } catch (InvalidPathException e) {
            return "\"" + name + "\" (" + e.getReason() + ")";
        }
        return null;
    }

    /** {@code name} as a file of {@code folder}; it must pass {@link #problem} (an {@link IllegalArgumentException} otherwise). */
    public static Path resolve(Path folder, String name) {
        String p = problem(folder, name);
        if (p != null) {
            throw new IllegalArgumentException("expected a bare file name in " + folder + ", found " + p);
        }
        return folder.resolve(name);
    }
}
