package io.lockstep.agent.api;

/** POST /v1/vms/{vm}/console: {@code text} typed on a QEMU VM's serial console (add "\n" for Enter). */
public record ConsoleInput(String text) {
}
