import java.nio.file.Path;
import io.lockstep.qemu.*;
import io.lockstep.guard.*;

/**
 * The agent's frame path without the agent (bench/qemu-mirror/mirror-cost.sh): FrameMirror on a socket, every frame decoded
 * and given to PacketFlows and a TrafficMonitor; prints its counters every 2 s.
 */
public class MirrorReader {
    public static void main(String[] a) throws Exception {
        FrameMirror m = new FrameMirror(Path.of(a[0]), "m0");
        PacketFlows flows = new PacketFlows();
        TrafficMonitor mon = new TrafficMonitor();
        flows.addTrafficListener(mon);
        long vmMac = FrameDecoder.mac(a[1]);
        long[] bad = new long[1];
        m.addListener(b -> {
            FrameDecoder.Frame f = FrameDecoder.decode(b);
            if (f == null) { bad[0]++; return; }
            boolean in = f.srcMac() != vmMac;
            if (!f.isTcp()) { if (in) flows.otherFrameIn(f.frameLength()); return; }
            if (in) flows.segment(true, f.srcIp(), f.srcPort(), f.dstPort(), f.tcpFlags(), f.payloadLength());
            else flows.segment(false, f.dstIp(), f.dstPort(), f.srcPort(), f.tcpFlags(), f.payloadLength());
        });
        while (true) {
            Thread.sleep(2000);
            System.out.println("frames " + m.frames() + " malformed " + bad[0] + " flows " + flows.size() + " rates " + mon.rates(500));
        }
    }
}
