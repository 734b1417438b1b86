package io.lockstep.qemu;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * QEMU's accelerator.
 *
 * <p>TCG (QEMU's own translator) is the default everywhere. KVM is used only when asked for: a {@code /dev/kvm} that
 * exists is no proof it works — on our build machines it is a nested-virtualisation flavour on which a stock guest
 * kernel stalls and dies with an emulation failure (docs/qemu.md). So {@link #detect()} picks KVM only when
 * {@code /dev/kvm} exists <em>and</em> the operator said so with the system property or environment variable
 * {@value #SETTING}{@code =kvm}.
 */
public enum Accel {
    TCG("tcg"),
    KVM("kvm");

    /** The system property and environment variable that may ask for KVM. */
    public static final String SETTING = "LOCKSTEP_QEMU_ACCEL";

    private final String qemuName;

    Accel(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name on QEMU's command line ({@code -machine accel=…}). */
    public String qemuName() {
        return qemuName;
    }

    /** TCG, unless {@code /dev/kvm} exists and {@value #SETTING} (property, then environment) is "kvm". */
    public static Accel detect() {
        String asked = System.getProperty(SETTING, System.getenv(SETTING));
        return choose(asked, Files.exists(Path.of("/dev/kvm")));
    }

    static Accel choose(String asked, boolean kvmDevice) {
        return asked != null && asked.trim().equalsIgnoreCase("kvm") && kvmDevice ? KVM : TCG;
    }
}
