#!/bin/bash
# Boots the default QEMU guest image (releng/qemu-image/build.sh) in a private network namespace and checks that Redis
# answers on the guest's address (SET/GET from the host), that the boot log lists the virtio disk, that the serial
# console's shell runs commands (sg_turs/sg_inq on a virtio-scsi disk, hostname) and that `poweroff` stops QEMU.
# Prints the boot-to-service time of each boot. Needs root (network namespace, tap device).
#
#   releng/qemu-image/smoke.sh [--image DIR] [--runs N] [--accel tcg|kvm] [--append "KERNEL ARGS"]
#
# --image DIR  an image built by build.sh --out DIR (default: build.sh's default output, built or checked first)
# --runs N     boot N times, one after the other (default 1)
# --append A   more kernel command line arguments, e.g. "quiet"
# Everything it creates (namespace lsimg<pid>, tap0 in it, QEMU, a temporary directory) is removed on exit, also on
# failure; the serial log of a failed boot is printed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
image=""; runs=1; accel=tcg; append=""
while [ $# -gt 0 ]; do
    case "$1" in
        --image) image="${2:?--image needs a directory}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --accel) accel="${2:?--accel needs tcg or kvm}"; shift 2 ;;
        --append) append="${2?--append needs kernel arguments}"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "smoke.sh: unknown argument '$1' (expected --image DIR, --runs N, --accel tcg|kvm or --append ARGS)" >&2; exit 2 ;;
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
qemu_pid=""; cat_pid=""
cleanup() {
    local rc=$?
    if [ -n "$qemu_pid" ]; then kill "$qemu_pid" 2>/dev/null || true; wait "$qemu_pid" 2>/dev/null || true; fi
    if [ -n "$cat_pid" ]; then kill "$cat_pid" 2>/dev/null || true; wait "$cat_pid" 2>/dev/null || true; fi
    exec 3>&- 2>/dev/null || true
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
qemu-img create -q -f raw "$tmp/scsi.raw" 8M

# Waits up to $2 seconds for the fixed string $1 in the serial log of this run.
wait_for() {
    local deadline=$(( $(date +%s) + $2 ))
    until grep -qF -- "$1" "$log"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}
fail_run() {
    echo "----- serial log of run $run -----" >&2; cat "$log" >&2
    echo "----- QEMU's stderr -----" >&2; cat "$tmp/qemu-$run.err" >&2; echo "-----" >&2
    die "run $run: $*"
}

results=()
for run in $(seq 1 "$runs"); do
    log="$tmp/serial-$run.log"
    : >"$log"
    # The serial console through a pipe pair: QEMU reads ser.in and writes ser.out (both opened read-write here, so
    # no open blocks whatever QEMU does).
    rm -f "$tmp/ser.in" "$tmp/ser.out"; mkfifo "$tmp/ser.in" "$tmp/ser.out"
    exec 3<>"$tmp/ser.in"
    cat <>"$tmp/ser.out" >"$log" &
    cat_pid=$!
    t0=$(now)
    ip netns exec "$ns" qemu-system-x86_64 -accel "$accel" -m 256 -nodefaults -display none -no-reboot \
        -chardev "pipe,id=c0,path=$tmp/ser" -serial chardev:c0 -kernel "$image/vmlinuz" -initrd "$image/initrd.img" \
        -append "console=ttyS0 panic=-1 lockstep.ip=$guest/24 lockstep.gw=$hostip lockstep.name=smoke$run${append:+ $append}" \
        -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device virtio-net-pci,netdev=n0,mac=52:54:00:4c:53:02 \
        -drive "file=$tmp/disk.raw,if=virtio,format=raw" \
        -device virtio-scsi-pci,id=scsi0 -drive "file=$tmp/scsi.raw,if=none,id=s0,format=raw" \
        -device scsi-hd,drive=s0,bus=scsi0.0 2>"$tmp/qemu-$run.err" &
    qemu_pid=$!

    marker="lockstep-guest: redis listening on $guest:$port"
    deadline=$(( $(date +%s) + 120 ))
    until grep -qF "$marker" "$log"; do
        if grep -q 'lockstep-guest: FAILED\|Kernel panic' "$log" || ! kill -0 "$qemu_pid" 2>/dev/null \
                || [ "$(date +%s)" -ge "$deadline" ]; then
            fail_run "no '$marker' on the serial console (failure, QEMU exit or 120 s timeout)"
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
    grep -q 'lockstep-guest: disk /dev/vda: 16 MiB' "$log" || fail_run "the boot log does not list the 16 MiB /dev/vda"
    guest_up=$(sed -n 's/.*lockstep-guest: up after \([0-9.]*\) s.*/\1/p' "$log")

    # The operator's shell on the serial console. The echoed command line shows $((…)) and $(hostname) unexpanded, so
    # only the shell's output matches.
    printf '%s\n' 'sg_turs /dev/sda && echo "lockstep-smoke: tur $((40 + 2))"; sg_inq /dev/sda | grep -i product' \
        'echo "lockstep-smoke: shell on $(hostname)"' >&3
    wait_for "lockstep-smoke: tur 42" 30 || fail_run "sg_turs /dev/sda typed on the serial console printed no 'tur 42'"
    wait_for "lockstep-smoke: shell on smoke$run" 30 || fail_run "the serial console's shell did not run the commands typed"
    printf 'poweroff\n' >&3
    deadline=$(( $(date +%s) + 30 ))
    while kill -0 "$qemu_pid" 2>/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || fail_run "QEMU still runs 30 s after poweroff on the serial console"
        sleep 0.1
    done
    wait "$qemu_pid" 2>/dev/null || true; qemu_pid=""
    kill "$cat_pid" 2>/dev/null || true; wait "$cat_pid" 2>/dev/null || true; cat_pid=""
    exec 3>&-
    say "run $run: marker after $(ms "$t0" "$t_marker") ms, redis PONG from the host after $(ms "$t0" "$t_pong") ms" \
        "(guest kernel uptime at marker ${guest_up} s); SET/GET, /dev/vda listed, console shell + sg_turs, poweroff: ok"
    results+=("$(ms "$t0" "$t_pong")")
done
say "ok: ${#results[@]} boot(s) to Redis answering, ms from QEMU start: ${results[*]} (accel $accel, 256 MiB, $(nproc) host CPUs${append:+, append: $append})"
