package io.lockstep.agent.api;

/**
 * GET /v1/vms/{vm}/console: the last of a QEMU VM's serial console as text ({@code bytes}: how much it has printed
 * since it started, so a client that polls knows what is new: the text's UTF-8 bytes are the console's bytes up to
 * {@code bytes}, read together with it), on {@code host}. With {@code ?after=N} the text holds only what was printed
 * after the first N bytes (of the last 256 KiB kept).
 */
public record ConsoleView(String vm, String host, long bytes, String text) {
}
