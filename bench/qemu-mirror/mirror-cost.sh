#!/usr/bin/env bash
# What QEMU's filter-mirror of a guest's NIC costs (the DoS guard's packet view, docs/qemu.md): redis-benchmark SET/s
# through the default image's Redis (TCG, 256 MiB, virtio-net on a tap in a namespace of its own), without and with
# the mirror read by the agent's frame path (MirrorReader: FrameMirror, FrameDecoder, PacketFlows, TrafficMonitor),
# alternated twice, two runs each (MODES="plain discard mirror": also QEMU's side alone). As root, after a build (the classes in bundles/*/target/classes):
#   flock /tmp/lockstep-mvn.lock bench/qemu-mirror/mirror-cost.sh
# Everything it makes (namespace lsg-bench, its tap, QEMU, the reader, the socket) is removed on exit.
set -u
cd "$(dirname "$0")/../.."
NS=lsg-bench; IMG=${IMG:-${XDG_CACHE_HOME:-$HOME/.cache}/lockstep/qemu-image/image}; S=/tmp/lsg-bench-m.sock
CP=$PWD/bundles/io.lockstep.qemu/target/classes:$PWD/bundles/io.lockstep.guard/target/classes:$PWD/bundles/io.lockstep.vm/target/classes
N=${N:-200000}
QP=; RP=
cleanup() { [ -n "$QP" ] && kill $QP 2>/dev/null; [ -n "$RP" ] && kill $RP 2>/dev/null; wait 2>/dev/null; ip netns del $NS 2>/dev/null; rm -f $S; }
trap cleanup EXIT
ip netns add $NS
ip netns exec $NS ip link set lo up
ip netns exec $NS ip tuntap add dev lsgtap0 mode tap
ip netns exec $NS ip link set lsgtap0 up
ip netns exec $NS ip addr add 10.77.0.1/24 dev lsgtap0
run() { # $1: plain, mirror (the agent's frame path) or discard (a reader that only drains the socket: QEMU's side alone)
  local extra=()
  rm -f $S
  if [ "$1" != plain ]; then
    if [ "$1" = mirror ]; then
      java -cp "$CP" bench/qemu-mirror/MirrorReader.java $S 52:54:00:aa:bb:cc > /tmp/lsg-bench-reader.log 2>&1 & RP=$!
    else
      python3 -c "import socket,os,sys
s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1)
while True:
    c,_=s.accept()
    while c.recv(262144): pass" $S > /tmp/lsg-bench-reader.log 2>&1 & RP=$!
    fi
    while [ ! -S $S ]; do sleep 0.1; done
    extra=(-chardev socket,id=m0,path=$S,reconnect=1 -object filter-mirror,id=m0f,netdev=net0,queue=all,outdev=m0,vnet_hdr_support=on)
  fi
  ip netns exec $NS qemu-system-x86_64 -machine q35,accel=tcg -m 256 -nodefaults -display none -kernel $IMG/vmlinuz -initrd $IMG/initrd.img \
    -append "console=ttyS0 panic=-1 quiet lockstep.ip=10.77.0.100/24 lockstep.gw=10.77.0.1 lockstep.name=v" \
    -netdev tap,id=net0,ifname=lsgtap0,script=no,downscript=no -device virtio-net-pci,netdev=net0,mac=52:54:00:aa:bb:cc "${extra[@]}" \
    -no-reboot -serial none >/dev/null 2>&1 & QP=$!
  for i in $(seq 120); do sleep 1; [ "$(ip netns exec $NS redis-cli -h 10.77.0.100 ping 2>/dev/null)" = PONG ] && break; done
  for k in 1 2; do
    echo "$1 run $k: $(ip netns exec $NS redis-benchmark -h 10.77.0.100 -t set -n $N -c 50 -q 2>/dev/null | tr '\r' '\n' | grep 'requests per second' | tail -1)"
  done
  kill $QP; wait $QP 2>/dev/null; QP=
  if [ -n "$RP" ]; then sleep 2; echo "  reader: $(tail -1 /tmp/lsg-bench-reader.log)"; kill $RP; wait $RP 2>/dev/null; RP=; fi
}
for m in ${MODES:-plain mirror plain mirror}; do run $m; done
