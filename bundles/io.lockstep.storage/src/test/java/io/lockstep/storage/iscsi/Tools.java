package io.lockstep.storage.iscsi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs initiators nobody here wrote — libiscsi's tools (package libiscsi-bin) and QEMU's (qemu-utils with
 * qemu-block-extra for the iscsi driver) — with a hang guard: output to a file, killed after the timeout.
 */
final class Tools {

    record Result(int exit, String out) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("tool exited " + exit + ":\n" + out);
            }
            return this;
        }
    }

    private Tools() {
    }

    static Result run(String... cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile("lockstep-tool", ".out");
        try {
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(cmd[0] + " is not installed here (apt-get install libiscsi-bin qemu-utils qemu-block-extra): "
                        + e.getMessage());
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s; it said:\n" + Files.readString(log));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** QEMU's --image-opts for LUN {@code lun} of {@code target} on {@code server}, logging in as {@code initiator}. */
    static String qemuOpts(IscsiServer server, String target, int lun, String initiator) {
        return "driver=iscsi,transport=tcp,portal=" + server.portal() + ",target=" + target + ",lun=" + lun + ",initiator-name=" + initiator;
    }

    static List<String> list(String... items) {
        return new ArrayList<>(List.of(items));
    }
}
