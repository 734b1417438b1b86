package io.lockstep.cluster;

import java.io.IOException;

/**
 * This host may no longer act under its leases: another host fenced its heartbeat slot (declared it dead), or
 * its own heartbeat has not been renewed for the self-fence time. Nothing was written.
 */
public class HostFencedException extends IOException {

    private static final long serialVersionUID = 1L;

    public HostFencedException(String message) {
        super(message);
    }
}
