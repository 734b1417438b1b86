package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lockstep.cluster.records.DirectoryEntry;

/** The provider behind {@link DatastoreFileSystem}: each mounted datastore has its own, reached through its paths. */
public final class DatastoreProvider extends FileSystemProvider {

    public static final String SCHEME = "lockstep-datastore";

    private final DatastoreFileSystem fs;

    DatastoreProvider(DatastoreFileSystem fs) {
        this.fs = fs;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("a datastore's file system comes from its mounted Datastore (Datastore.fileSystem())");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        return fs.getPath(uri.getPath());
    }

    private DatastorePath check(Path p) {
        if (!(p instanceof DatastorePath dp) || dp.getFileSystem() != fs) {
            throw new ProviderMismatchException("expected a path of " + fs + ", found " + p);
        }
        return dp;
    }

    private String name(Path p) {
        return DatastoreFiles.checkPath(check(p).datastoreName());
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        String name = name(path);
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        boolean multi = options.contains(DatastoreOpenOption.MULTI_WRITER) || fs.multiWriter();
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            throw new UnsupportedOperationException("DELETE_ON_CLOSE is not offered on the datastore");
        }
        if (!write && fs.files().isDirectory(name)) {
            return new DatastoreChannel(null, true, false, false, false);
        }
        DatastoreFiles.Access access = multi ? DatastoreFiles.Access.MULTI_WRITER
                : write ? DatastoreFiles.Access.WRITE : DatastoreFiles.Access.READ;
        DatastoreFile f = fs.files().open(name, access, (write || multi) && options.contains(StandardOpenOption.CREATE),
                (write || multi) && options.contains(StandardOpenOption.CREATE_NEW), write && options.contains(StandardOpenOption.TRUNCATE_EXISTING));
        boolean sync = options.contains(StandardOpenOption.SYNC) || options.contains(StandardOpenOption.DSYNC);
        return new DatastoreChannel(f, read || options.contains(StandardOpenOption.READ), write, options.contains(StandardOpenOption.APPEND), sync);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        DatastorePath d = check(dir);
        List<Path> children = new ArrayList<>();
        for (DirectoryEntry e : fs.files().list(name(dir))) {
            Path child = d.resolve(e.name().substring(e.name().lastIndexOf('/') + 1));
            if (filter == null || filter.accept(child)) {
                children.add(child);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return children.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        fs.files().mkdir(name(dir));
    }

    @Override
    public void delete(Path path) throws IOException {
        fs.files().delete(name(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        String from = name(source);
        String to = name(target);
        if (fs.files().lookup(to).isPresent()) {
            if (!List.of(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
                throw new FileAlreadyExistsException(to);
            }
            fs.files().delete(to);
        }
        if (fs.files().isDirectory(from)) {
            fs.files().mkdir(to);
            return;
        }
        DatastoreFiles.Access reading = fs.multiWriter() ? DatastoreFiles.Access.MULTI_WRITER : DatastoreFiles.Access.READ;
        DatastoreFiles.Access writing = fs.multiWriter() ? DatastoreFiles.Access.MULTI_WRITER : DatastoreFiles.Access.WRITE;
        try (DatastoreFile in = fs.files().open(from, reading, false, false, false);
                DatastoreFile out = fs.files().open(to, writing, false, true, false)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long pos = 0;
            int n;
            while ((n = in.read(buf.clear(), pos)) > 0) {
                out.write(buf.flip(), pos);
                pos += n;
            }
            out.force();
        }
    }

    /** A rename; with REPLACE_EXISTING an existing target file is replaced in the same transaction (atomically). */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        String from = name(source);
        String to = name(target);
        if (from.equals(to)) {
            return;
        }
        boolean replace = List.of(options).contains(StandardCopyOption.REPLACE_EXISTING);
        if (!replace && fs.files().lookup(to).isPresent()) {
            throw new FileAlreadyExistsException(to);
        }
        fs.files().rename(from, to, replace);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return check(path).toAbsolutePath().normalize().equals(check(path2).toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        Path n = check(path).getFileName();
        return n != null && n.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        return fs.store();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        String name = name(path);
        if (!name.equals("/") && fs.files().lookup(name).isEmpty()) {
            throw new NoSuchFileException(name);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return DatastoreProvider.this.readAttributes(path, BasicFileAttributes.class);
            }

            @Override
            public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
                throw new UnsupportedOperationException("the datastore keeps its own times");
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException("attributes: the datastore offers basic ones, not " + type.getSimpleName());
        }
        String name = name(path);
        DirectoryEntry e = name.equals("/") ? DirectoryEntry.directory(-1, "/", 0)
                : fs.files().stat(name).orElseThrow(() -> new NoSuchFileException(name));
        return (A) new Attributes(e);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        BasicFileAttributes a = readAttributes(path, BasicFileAttributes.class);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("size", a.size());
        all.put("creationTime", a.creationTime());
        all.put("lastModifiedTime", a.lastModifiedTime());
        all.put("lastAccessTime", a.lastAccessTime());
        all.put("isDirectory", a.isDirectory());
        all.put("isRegularFile", a.isRegularFile());
        all.put("isSymbolicLink", false);
        all.put("isOther", false);
        all.put("fileKey", a.fileKey());
        String list = attributes.startsWith("basic:") ? attributes.substring(6) : attributes;
        if (list.equals("*")) {
            return all;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : list.split(",")) {
            if (!all.containsKey(n)) {
                throw new IllegalArgumentException("attribute: expected one of " + all.keySet() + ", found '" + n + "'");
            }
            out.put(n, all.get(n));
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("the datastore's attributes cannot be set");
    }

    private record Attributes(DirectoryEntry e) implements BasicFileAttributes {
        @Override
        public FileTime lastModifiedTime() {
            return FileTime.fromMillis(e.modifiedMillis());
        }

        @Override
        public FileTime lastAccessTime() {
            return lastModifiedTime();
        }

        @Override
        public FileTime creationTime() {
            return FileTime.fromMillis(e.createdMillis());
        }

        @Override
        public boolean isRegularFile() {
            return !e.isDirectory();
        }

        @Override
        public boolean isDirectory() {
            return e.isDirectory();
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return e.sizeBytes();
        }

        @Override
        public Object fileKey() {
            return e.index();
        }
    }
}
