package io.lockstep.vdisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's qemu-img and qemu-io (package qemu-utils) and returns what they said. */
final class Qemu {

    record Result(int exit, String out) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("qemu tool exited " + exit + ":\n" + out);
            }
            return this;
        }
    }

    private Qemu() {
    }

    static Result img(String... args) throws IOException, InterruptedException {
        return run("qemu-img", args);
    }

    static Result io(String... args) throws IOException, InterruptedException {
        return run("qemu-io", args);
    }

    private static Result run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(tool + " is not installed here (apt-get install qemu-utils; .ci/run installs it): " + e.getMessage());
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
