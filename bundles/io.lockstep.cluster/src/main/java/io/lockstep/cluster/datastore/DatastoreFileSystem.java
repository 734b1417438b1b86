package io.lockstep.cluster.datastore;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The datastore's file system as a {@link FileSystem}: paths of it work with {@link java.nio.file.Files} and
 * {@link java.nio.channels.FileChannel#open}, so whatever Lockstep keeps in files can live on the shared medium.
 * Closing it closes nothing: the datastore (mounted by its host) owns the file system's life.
 */
public final class DatastoreFileSystem extends FileSystem {

    private final Datastore ds;
    private final DatastoreProvider provider;
    private final boolean multiWriter;

    DatastoreFileSystem(Datastore ds, boolean multiWriter) {
        this.ds = ds;
        this.multiWriter = multiWriter;
        this.provider = new DatastoreProvider(this);
    }

    /** Whether files opened through this view are opened multi-writer (see {@link Datastore#sharedFileSystem()}). */
    public boolean multiWriter() {
        return multiWriter;
    }

    Datastore datastore() {
        return ds;
    }

    DatastoreFiles files() {
        return ds.fs();
    }

    String label() {
        return ds.superblock().label();
    }

    @Override
    public DatastoreProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // the datastore's host owns it
    }

    @Override
    public boolean isOpen() {
        return ds.host().fencedReason() == null;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new DatastorePath(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(store());
    }

    FileStore store() {
        return new FileStore() {
            @Override
            public String name() {
                return label();
            }

            @Override
            public String type() {
                return "lockstep";
            }

            @Override
            public boolean isReadOnly() {
                return false;
            }

            @Override
            public long getTotalSpace() throws IOException {
                DatastoreFiles.Usage u = files().usage();
                return u.blocks() * u.blockBytes();
            }

            @Override
            public long getUsableSpace() throws IOException {
                DatastoreFiles.Usage u = files().usage();
                return u.freeBlocks() * u.blockBytes();
            }

            @Override
            public long getUnallocatedSpace() throws IOException {
                return getUsableSpace();
            }

            @Override
            public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
                return type == BasicFileAttributeView.class;
            }

            @Override
            public boolean supportsFileAttributeView(String name) {
                return name.equals("basic");
            }

            @Override
            public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
                return null;
            }

            @Override
            public Object getAttribute(String attribute) {
                throw new UnsupportedOperationException(attribute);
            }
        };
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder s = new StringBuilder(first);
        for (String m : more) {
            if (!m.isEmpty()) {
                s.append(s.length() == 0 ? "" : "/").append(m);
            }
        }
        return new DatastorePath(this, s.toString());
    }

    /** "regex:…" and "glob:…" ('*' within a name, '**' across names, '?' one character, '{a,b}' alternatives). */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected syntax:pattern, found '" + syntaxAndPattern + "'");
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern p = switch (syntax) {
            case "regex" -> Pattern.compile(pattern);
            case "glob" -> Pattern.compile(globToRegex(pattern));
            default -> throw new UnsupportedOperationException("pattern syntax: expected glob or regex, found " + syntax);
        };
        return path -> p.matcher(path.toString()).matches();
    }

    static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        r.append(".*");
                        i++;
                    } else {
                        r.append("[^/]*");
                    }
                }
                case '?' -> r.append("[^/]");
                case '{' -> {
                    r.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    r.append(')');
                    inGroup = false;
                }
                case ',' -> r.append(inGroup ? "|" : ",");
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("the datastore's file system has no users");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("the datastore's file system has no watch service");
    }

    @Override
    public String toString() {
        return "datastore " + label() + (multiWriter ? " (multi-writer)" : "");
    }
}
