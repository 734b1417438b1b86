package io.lockstep.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.lockstep.guard.PacketFlows;
import io.lockstep.qemu.FrameDecoder;
import io.lockstep.qemu.FrameMirror;

/**
 * The DoS guard's packet-level view of one QEMU VM (issue 23): its NIC's frames from QEMU's filter-mirror
 * ({@link FrameMirror}), decoded ({@link FrameDecoder}) and turned into connections ({@link PacketFlows}, the
 * guard's {@code TrafficSource}). A frame is the VM's when it comes from the VM's MAC ({@link QemuVms#mac}); every
 * other frame was sent to it. IPv4 TCP only; other frames to the VM count as packets; malformed ones are counted
 * and skipped.
 */
final class QemuFrames implements FrameMirror.Listener, AutoCloseable {

    final String vm;
    final FrameMirror mirror;
    final PacketFlows flows = new PacketFlows();
    private final long vmMac;
    private final AtomicLong malformed = new AtomicLong();

    QemuFrames(String vm, Path socket, String id) throws IOException {
        this.vm = vm;
        this.vmMac = FrameDecoder.mac(QemuVms.mac(vm));
        this.mirror = new FrameMirror(socket, id);
        mirror.addListener(this);
    }

    /** The QEMU arguments that mirror the VM's NIC (netdev net0, see QemuMachine) here. */
    List<String> args() {
        return mirror.args("net0");
    }

    @Override
    public void frame(ByteBuffer frame) {
        FrameDecoder.Frame f = FrameDecoder.decode(frame);
        if (f == null) {
            malformed.incrementAndGet();
            return;
        }
        boolean toVm = f.srcMac() != vmMac;
        if (!f.isTcp()) {
            if (toVm) {
                flows.otherFrameIn(f.frameLength());
            }
            return;
        }
        if (toVm) {
            flows.segment(true, f.srcIp(), f.srcPort(), f.dstPort(), f.tcpFlags(), f.payloadLength());
        } else {
            flows.segment(false, f.dstIp(), f.dstPort(), f.srcPort(), f.tcpFlags(), f.payloadLength());
        }
    }

    long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        mirror.close();
    }
}
