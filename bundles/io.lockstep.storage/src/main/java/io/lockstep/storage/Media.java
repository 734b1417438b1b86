package io.lockstep.storage;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import io.lockstep.storage.file.FileMedium;
import io.lockstep.storage.iscsi.IscsiMedium;

/**
 * Opens a medium by URI as one initiator. {@code file:/path/lun.img} (or a plain path) is the embedded
 * file medium; {@code iscsi://host:port/target-iqn/lun} a logical unit of an iSCSI target, through Lockstep's
 * own initiator ({@link IscsiMedium}).
 */
public final class Media {

    private Media() {
    }

    public static Medium open(String uri, String initiator) throws IOException {
        if (isIscsi(uri)) {
            return IscsiMedium.open(uri, initiator);
        }
        return FileMedium.open(pathOf(uri), initiator);
    }

    public static boolean isIscsi(String uri) {
        return uri != null && uri.regionMatches(true, 0, "iscsi://", 0, 8);
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
                + "' is not supported here (expected a file path, a file: URI or iscsi://host:port/target-iqn/lun)");
    }
}
