package io.lockstep.cluster.datastore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A path of the datastore's file system: '/'-separated names, absolute from its root or relative. */
final class DatastorePath implements Path {

    private final DatastoreFileSystem fs;
    private final String path;
    private final String[] names;

    DatastorePath(DatastoreFileSystem fs, String path) {
        this.fs = fs;
        String p = path.replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.indexOf('\0') >= 0) {
            throw new java.nio.file.InvalidPathException(path, "a NUL character");
        }
        this.path = p;
        String body = p.startsWith("/") ? p.substring(1) : p;
        this.names = body.isEmpty() ? new String[0] : body.split("/");
    }

    /** The absolute, normalized path as the datastore names it. */
    String datastoreName() {
        return ((DatastorePath) toAbsolutePath().normalize()).path;
    }

    @Override
    public FileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    @Override
    public Path getRoot() {
        return isAbsolute() ? new DatastorePath(fs, "/") : null;
    }

    @Override
    public Path getFileName() {
        return names.length == 0 ? null : new DatastorePath(fs, names[names.length - 1]);
    }

    @Override
    public Path getParent() {
        if (names.length == 0 || names.length == 1 && !isAbsolute()) {
            return null;
        }
        String joined = String.join("/", Arrays.copyOf(names, names.length - 1));
        return new DatastorePath(fs, isAbsolute() ? "/" + joined : joined);
    }

    @Override
    public int getNameCount() {
        return names.length;
    }

    @Override
    public Path getName(int index) {
        if (index < 0 || index >= names.length) {
            throw new IllegalArgumentException("name " + index + " of " + names.length);
        }
        return new DatastorePath(fs, names[index]);
    }

    @Override
    public Path subpath(int begin, int end) {
        if (begin < 0 || end > names.length || begin >= end) {
            throw new IllegalArgumentException("names " + begin + " to " + end + " of " + names.length);
        }
        return new DatastorePath(fs, String.join("/", Arrays.copyOfRange(names, begin, end)));
    }

    @Override
    public boolean startsWith(Path other) {
        DatastorePath o = check(other);
        if (o.isAbsolute() != isAbsolute() || o.names.length > names.length) {
            return false;
        }
        for (int i = 0; i < o.names.length; i++) {
            if (!o.names[i].equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean endsWith(Path other) {
        DatastorePath o = check(other);
        if (o.isAbsolute()) {
            return equals(o);
        }
        if (o.names.length > names.length) {
            return false;
        }
        for (int i = 1; i <= o.names.length; i++) {
            if (!o.names[o.names.length - i].equals(names[names.length - i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && isAbsolute())) {
                out.add(n);
            }
        }
        return new DatastorePath(fs, (isAbsolute() ? "/" : "") + String.join("/", out));
    }

    @Override
    public Path resolve(Path other) {
        DatastorePath o = check(other);
        if (o.isAbsolute()) {
            return o;
        }
        if (o.path.isEmpty()) {
            return this;
        }
        return new DatastorePath(fs, path.isEmpty() ? o.path : path + "/" + o.path);
    }

    @Override
    public Path relativize(Path other) {
        DatastorePath o = check(other);
        if (o.isAbsolute() != isAbsolute()) {
            throw new IllegalArgumentException("relativize: " + this + " and " + o + " are not both absolute or both relative");
        }
        int common = 0;
        while (common < names.length && common < o.names.length && names[common].equals(o.names[common])) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.length; i++) {
            out.add("..");
        }
        out.addAll(Arrays.asList(o.names).subList(common, o.names.length));
        return new DatastorePath(fs, String.join("/", out));
    }

    @Override
    public URI toUri() {
        try {
            return new URI(DatastoreProvider.SCHEME, fs.label(), datastoreName(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return isAbsolute() ? this : new DatastorePath(fs, "/" + path);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws java.io.IOException {
        Path real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("the datastore's file system has no watch service");
    }

    @Override
    public int compareTo(Path other) {
        return path.compareTo(check(other).path);
    }

    private DatastorePath check(Path other) {
        if (!(other instanceof DatastorePath p) || p.fs != fs) {
            throw new ProviderMismatchException("expected a path of " + fs + ", found " + (other == null ? "none" : other.getClass().getName()));
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatastorePath p && p.fs == fs && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path;
    }
}
