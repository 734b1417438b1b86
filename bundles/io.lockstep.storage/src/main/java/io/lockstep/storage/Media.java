package io.lockstep.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import io.lockstep.storage.file.FileMedium;

/**
 * Opens a medium by URI as one initiator. {@code file:/path/lun.img} (or a plain path) is the embedded
 * file medium; {@code iscsi://host:port/iqn/lun} arrives with the iSCSI backend.
 */
public final class Media {

    private Media() {
    }

    public static Medium open(String uri, String initiator) throws IOException {
        return FileMedium.open(pathOf(uri), initiator);
    }

    /** The file behind a {@code file:} URI or plain path; a clear error for any other scheme. */
    public static Path pathOf(String uri) throws IOException {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("medium: expected a file path or a file: URI, found nothing");
        }
        if (!uri.contains(":") || uri.startsWith("/") || uri.startsWith(".")) {
            return Path.of(uri);
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("medium: expected a file path or a file: URI, found '" + uri + "': " + e.getMessage());
        }
        if ("file".equalsIgnoreCase(parsed.getScheme())) {
            return Path.of(parsed);
        }
        throw new IllegalArgumentException("medium '" + uri + "': scheme '" + parsed.getScheme()
                + "' is not supported here (expected a file path or file: URI)");
    }
}
