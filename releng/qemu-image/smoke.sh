#!/bin/bash
# Boots the default QEMU guest image (releng/qemu-image/build.sh) in a private network namespace and checks that Redis
# answers on the guest's address; prints the boot-to-service time. Needs root (network namespace, tap device).
#
#   releng/qemu-image/smoke.sh [--image DIR] [--runs N] [--accel tcg|kvm]
#
# --image DIR  an image built by build.sh --out DIR (default: build.sh's default output, built or checked first)
# --runs N     boot N times, one after the other (default 1)
# Everything it creates (namespace lsimg<pid>, tap0 in it, QEMU, a temporary directory) is removed on exit, also on
# failure; the serial log of a failed boot is printed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
image=""; runs=1; accel=tcg
while [ $# -gt 0 ]; do
    case "$1" in
        --image) image="${2:?--image needs a directory}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --accel) accel="${2:?--accel needs tcg or kvm}"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "smoke.sh: unknown argument '$1' (expected --image DIR, --runs N or --accel tcg|kvm)" >&2; exit 2 ;;
    esac
done

say() { echo "qemu-smoke: $*"; }
die() { echo "qemu-smoke: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (it creates a network namespace and a tap device); run it with sudo"
for tool in qemu-system-x86_64 qemu-img ip redis-cli; do
    command -v "$tool" >/dev/null || die "no $tool on this host (Debian packages qemu-system-x86, qemu-utils, iproute2, redis-tools)"
done
case "$runs" in ""|*[!0-9]*|0) die "--runs $runs: expected a positive number" ;; esac

if [ -z "$image" ]; then
    "$here/build.sh"
    image="${XDG_CACHE_HOME:-$HOME/.cache}/lockstep/qemu-image/image"
fi
for f in vmlinuz initrd.img SHA256SUMS; do [ -f "$image/$f" ] || die "no $image/$f (build it with build.sh --out $image)"; done
(cd "$image" && sha256sum --quiet -c SHA256SUMS) || die "$image does not match its SHA256SUMS"

ns="lsimg$$"
guest=10.213.0.2; hostip=10.213.0.1; port=6379
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lockstep-qemu-smoke.XXXXXX")
qemu_pid=""
cleanup() {
    local rc=$?
    if [ -n "$qemu_pid" ]; then kill "$qemu_pid" 2>/dev/null || true; wait "$qemu_pid" 2>/dev/null || true; fi
    ip netns del "$ns" 2>/dev/null || true
    rm -rf "$tmp"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s%N; }
ms() { echo "$(( ($2 - $1) / 1000000 ))"; }

ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" tuntap add dev tap0 mode tap
ip -n "$ns" addr add "$hostip/24" dev tap0
ip -n "$ns" link set tap0 up
qemu-img create -q -f raw "$tmp/disk.raw" 16M

results=()
for run in $(seq 1 "$runs"); do
    log="$tmp/serial-$run.log"
    : >"$log"
    t0=$(now)
    ip netns exec "$ns" qemu-system-x86_64 -accel "$accel" -m 256 -nodefaults -display none -no-reboot \
        -serial "file:$log" -kernel "$image/vmlinuz" -initrd "$image/initrd.img" \
        -append "console=ttyS0 panic=-1 lockstep.ip=$guest/24 lockstep.gw=$hostip lockstep.name=smoke$run" \
        -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device virtio-net-pci,netdev=n0,mac=52:54:00:4c:53:02 \
        -drive "file=$tmp/disk.raw,if=virtio,format=raw" 2>"$tmp/qemu-$run.err" &
    qemu_pid=$!

    marker="lockstep-guest: redis listening on $guest:$port"
    deadline=$(( $(date +%s) + 120 ))
    until grep -qF "$marker" "$log"; do
        if grep -q 'lockstep-guest: FAILED\|Kernel panic' "$log" || ! kill -0 "$qemu_pid" 2>/dev/null \
                || [ "$(date +%s)" -ge "$deadline" ]; then
            echo "----- serial log of run $run -----" >&2; cat "$log" >&2
            echo "----- QEMU's stderr -----" >&2; cat "$tmp/qemu-$run.err" >&2; echo "-----" >&2
            die "run $run: no '$marker' on the serial console (failure, QEMU exit or 120 s timeout)"
        fi
        sleep 0.05
    done
    t_marker=$(now)
    until [ "$(ip netns exec "$ns" redis-cli -h "$guest" -p "$port" ping 2>/dev/null)" = PONG ]; do
        [ "$(date +%s)" -lt "$deadline" ] || die "run $run: the marker came but redis-cli -h $guest gets no PONG"
        sleep 0.05
    done
    t_pong=$(now)
    [ "$(ip netns exec "$ns" redis-cli -h "$guest" -p "$port" SET k "v$run")" = OK ] || die "run $run: SET k v$run did not answer OK"
    got=$(ip netns exec "$ns" redis-cli -h "$guest" -p "$port" GET k)
    [ "$got" = "v$run" ] || die "run $run: GET k answered '$got', expected 'v$run'"
    grep -q 'lockstep-guest: disk /dev/vda: 16 MiB' "$log" || die "run $run: the boot log does not list the 16 MiB /dev/vda"
    guest_up=$(sed -n 's/.*lockstep-guest: up after \([0-9.]*\) s.*/\1/p' "$log")

    kill "$qemu_pid"; wait "$qemu_pid" 2>/dev/null || true; qemu_pid=""
    say "run $run: marker after $(ms "$t0" "$t_marker") ms, redis PONG from the host after $(ms "$t0" "$t_pong") ms" \
        "(guest kernel uptime at marker ${guest_up} s); SET/GET ok; /dev/vda listed"
    results+=("$(ms "$t0" "$t_pong")")
done
say "ok: ${#results[@]} boot(s) to Redis answering, ms from QEMU start: ${results[*]} (accel $accel, 256 MiB, $(nproc) CPUs)"
