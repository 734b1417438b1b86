package io.lockstep.cluster.datastore;

import java.nio.file.OpenOption;

/** Open options of the datastore's file system beyond the standard ones. */
public enum DatastoreOpenOption implements OpenOption {
    /** Open for reading and writing by several hosts at once (a clustered disk): the size stays fixed. */
    MULTI_WRITER
}
