#!/bin/bash
# Builds Lockstep's default QEMU guest image from Debian 12 packages only: a Debian cloud kernel (vmlinuz) and an
# initramfs (initrd.img) holding busybox, redis-server, redis-cli and sg3-utils' sg_persist/sg_turs/sg_inq, with an
# /init that configures eth0 from the kernel command line and starts Redis. See docs/qemu-image.md.
#
#   releng/qemu-image/build.sh [--out DIR] [--cache DIR] [--force]
#
# Packages are fetched with `apt-get download` into the cache (default ${XDG_CACHE_HOME:-$HOME/.cache}/lockstep/qemu-image)
# and reused while apt offers the same versions; the image is rebuilt only when its inputs (package versions, this script,
# init) changed. Two builds from the same inputs give byte-identical files (SHA256SUMS beside them).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/lockstep/qemu-image"
out=""
force=0
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        --out=*) out="${1#--out=}"; shift ;;
        --cache) cache="${2:?--cache needs a directory}"; shift 2 ;;
        --cache=*) cache="${1#--cache=}"; shift ;;
        --force) force=1; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument '$1' (expected --out DIR, --cache DIR or --force)" >&2; exit 2 ;;
    esac
done
[ -n "$out" ] || out="$cache/image"
mkdir -p "$cache/debs" "$out"
cache=$(cd "$cache" && pwd); out=$(cd "$out" && pwd)
debs="$cache/debs"

say() { echo "qemu-image: $*"; }
die() { echo "qemu-image: error: $*" >&2; exit 1; }

export LC_ALL=C
umask 022

# --- host tools -----------------------------------------------------------------------------------------------------
missing=()
for tool in apt-get apt-cache dpkg-deb cpio gzip sha256sum find sort; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || die "missing host tools: ${missing[*]} (cpio comes from the Debian package 'cpio': apt-get install cpio)"
cpio_help=$(cpio --help 2>&1 || true)  # no `cpio --help | grep -q`: grep's early exit would fail the pipe
grep -q -- '--reproducible' <<<"$cpio_help" \
    || die "this cpio has no --reproducible option (GNU cpio >= 2.13 expected, found: $(sed -n 1p <<<"$(cpio --version)"))"

# --- package lists --------------------------------------------------------------------------------------------------
candidate() { apt-cache policy "$1" 2>/dev/null | awk '$1 == "Candidate:" && !n++ { print $2 }'; }
bbv=$(candidate busybox-static)
if [ -z "$bbv" ] || [ "$bbv" = "(none)" ]; then
    if [ "$(id -u)" = 0 ]; then
        say "apt has no package lists (apt-cache knows no busybox-static): running apt-get update"
        apt-get update -q >/dev/null
    else
        die "apt has no package lists (apt-cache policy busybox-static shows no candidate); run 'apt-get update' as root once"
    fi
fi

# --- which packages -------------------------------------------------------------------------------------------------
# The kernel: the version the cloud metapackage points at (never installed on the host, only downloaded).
kmeta=linux-image-cloud-amd64
kpkg=$(apt-cache depends "$kmeta" | awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9].*-cloud-amd64$/ && !n++ { print $2 }')
[ -n "$kpkg" ] || die "apt-cache depends $kmeta names no linux-image-<version>-cloud-amd64 package"
seeds=("$kpkg" busybox-static redis-server redis-tools sg3-utils)

# The shared libraries: the closure of the seeds' Depends/Pre-Depends restricted to library packages (lib*); the ELF
# check further down proves it covers every library the binaries load.
declare -A want=()
level=("${seeds[@]}")
while [ ${#level[@]} -gt 0 ]; do
    for p in "${level[@]}"; do want[$p]=1; done
    # First alternative of each Depends/Pre-Depends only ("|Depends:" marks the first of an alternative group).
    mapfile -t level < <(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
                             --no-enhances "${level[@]}" \
                         | awk '$1 ~ /^\|?(Pre)?Depends:$/ { n=$2; sub(/:any$/, "", n); if (n ~ /^lib/) print n }' \
                         | sort -u | while read -r d; do [ -n "${want[$d]:-}" ] || echo "$d"; done)
done
mapfile -t pkgs < <(printf '%s\n' "${!want[@]}" | sort)

# --- download into the cache ----------------------------------------------------------------------------------------
declare -A ver=()
while read -r p v; do ver[$p]="$v"; done < <(apt-cache policy "${pkgs[@]}" \
    | awk '/^[^ ].*:$/ { p=$1; sub(/:$/, "", p) } $1 == "Candidate:" { print p, $2 }')
specs=()
for p in "${pkgs[@]}"; do
    v="${ver[$p]:-}"
    [ -n "$v" ] && [ "$v" != "(none)" ] || die "apt offers no version of $p"
    specs+=("$p=$v")
done
manifest_new=$(mktemp)
trap 'rm -f "$manifest_new"' EXIT
downloaded=0; reused=0
while read -r p v arch sum; do
    [ "${ver[$p]}" = "$v" ] || continue  # apt-cache show may print other stanzas
    f="$debs/${p}_${v//:/%3a}_${arch}.deb"
    if [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sum" ]; then
        reused=$((reused + 1))
    else
        rm -f "$f"
        say "downloading $p=$v"
        (cd "$debs" && apt-get download -qq "$p=$v" </dev/null 2>&1 | grep -v 'Download is performed unsandboxed' || true)
        [ -f "$f" ] || die "apt-get download $p=$v did not produce $f"
        got=$(sha256sum "$f" | cut -d' ' -f1)
        [ "$got" = "$sum" ] || die "$f: sha256 $got, but apt's package list says $sum"
        downloaded=$((downloaded + 1))
    fi
    printf '%-34s %-24s %s\n' "$p" "$v" "$sum" >>"$manifest_new"
done < <(apt-cache show "${specs[@]}" | awk '
    /^Package:/ { p=$2 } /^Version:/ { v=$2 } /^Architecture:/ { a=$2 } /^SHA256:/ { s=$2 }
    /^$/ { if (p != "") print p, v, a, s; p=""; v=""; a=""; s="" }
    END { if (p != "") print p, v, a, s }' | sort -u -k1,1)
[ "$(wc -l <"$manifest_new")" = "${#pkgs[@]}" ] \
    || die "apt-cache show gave $(wc -l <"$manifest_new") of the ${#pkgs[@]} packages ${pkgs[*]}"
say "packages: ${#pkgs[@]} ($downloaded downloaded, $reused from the cache $debs)"

# --- up to date? ----------------------------------------------------------------------------------------------------
key=$( { cat "$manifest_new"; sha256sum "$here/build.sh" "$here/init" | cut -d' ' -f1; } | sha256sum | cut -d' ' -f1)
if [ "$force" = 0 ] && [ -f "$out/inputs.sha256" ] && [ "$(cat "$out/inputs.sha256")" = "$key" ] \
        && [ -f "$out/SHA256SUMS" ] && (cd "$out" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
    say "image in $out is up to date (same packages, build.sh and init): nothing rebuilt"
    sed 's/^/qemu-image:   /' "$out/SHA256SUMS"
    exit 0
fi

# --- extract --------------------------------------------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/lockstep-qemu-image.XXXXXX")
trap 'rm -f "$manifest_new"; rm -rf "$work"' EXIT
stage="$work/stage"; root="$work/root"
mkdir -p "$stage" "$root"
# Exactly the file per package that the manifest names (older versions may linger in the cache).
while read -r p v _; do
    dpkg-deb -x "$(ls "$debs/${p}_${v//:/%3a}_"*.deb)" "$stage"
done <"$manifest_new"

# The mtime of every file in the image: SOURCE_DATE_EPOCH if given, else the newest file the packages carry (their
# own build dates), so the same package versions give the same image.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(find "$stage" -type f -printf '%T@\n' | cut -d. -f1 | sort -n | tail -1)
fi
export SOURCE_DATE_EPOCH

# --- root filesystem ------------------------------------------------------------------------------------------------
kver=${kpkg#linux-image-}
bb="$stage/bin/busybox"
[ -x "$bb" ] || die "busybox-static has no /bin/busybox"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib/x86_64-linux-gnu,lib64,etc,proc,sys,dev,run,tmp,root,var/lib/redis,lib/modules/"$kver"}
chmod 1777 "$root/tmp"
cp "$bb" "$root/bin/busybox"
for applet in $("$bb" --list-full); do
    [ "$applet" = bin/busybox ] && continue
    [ -e "$root/$applet" ] || ln -s /bin/busybox "$root/$applet"
done

# Programs, each as a real file under its own name (redis-server is a link to redis-check-rdb in Debian).
bins=(/usr/bin/redis-server /usr/bin/redis-cli /usr/bin/sg_persist /usr/bin/sg_turs /usr/bin/sg_inq /usr/bin/sg_readcap)
for b in "${bins[@]}"; do
    src="$stage$b"
    [ -L "$src" ] && src="$(dirname "$src")/$(readlink "$src")"
    [ -f "$src" ] || die "no $b in the extracted packages"
    cp "$src" "$root$b"
done

# Shared libraries: what the extracted loader resolves for each program inside the staging tree, nothing from the host.
ldso="$stage/lib64/ld-linux-x86-64.so.2"
[ -e "$ldso" ] || die "libc6 has no /lib64/ld-linux-x86-64.so.2"
ldso=$(readlink -f "$ldso")
libpath="$stage/lib/x86_64-linux-gnu:$stage/usr/lib/x86_64-linux-gnu"
declare -A libs=()
for b in "${bins[@]}"; do
    while read -r name arrow path _; do
        [ "$arrow" = "=>" ] || continue
        case "$name" in /*) continue ;; esac  # the loader itself, copied below
        [ "$path" != "not" ] || die "$b needs $name, which none of the downloaded packages provides (add its package to the closure)"
        # The loader falls back to the host's default directories: a library found there is missing from the packages.
        case "$path" in "$stage"/*) ;; *) die "$b needs $name, found only on the host ($path), in none of the downloaded packages" ;; esac
        libs[$name]="$path"
    done < <("$ldso" --inhibit-cache --library-path "$libpath" --list "$root$b")
done
for name in "${!libs[@]}"; do
    cp "$(readlink -f "${libs[$name]}")" "$root/lib/x86_64-linux-gnu/$name"
done
cp "$ldso" "$root/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
ln -s /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"
ln -s ../lib "$root/usr/lib"  # one library directory for both /lib and /usr/lib lookups

# Kernel modules (everything else the guest needs is built into the cloud kernel: see docs/qemu-image.md).
kmods="$stage/lib/modules/$kver"
[ -d "$kmods/kernel" ] || die "$kpkg has no lib/modules/$kver/kernel"
"$bb" depmod -b "$stage" "$kver"
modules=(virtio_pci virtio_net virtio_blk virtio_scsi sd_mod sg)
declare -A mods=()
for m in "${modules[@]}"; do
    line=$(grep -E "(^|/)(${m}|${m//_/-})\.ko:" "$kmods/modules.dep") \
        || die "module $m is not in $kpkg (is it built in? check boot/config-$kver)"
    for f in ${line%%:*} ${line#*:}; do mods[$f]=1; done
done
# Load order: a module's transitive dependencies (modules.dep lists them all) are a strict subset of its own, so
# ordering by dependency count, then path, loads every module after what it needs.
order=$(for f in "${!mods[@]}"; do
            n=$(grep -E "^${f//./\\.}:" "$kmods/modules.dep" | cut -d: -f2 | wc -w)
            echo "$n $f"
        done | sort -k1,1n -k2,2 | cut -d' ' -f2)
for f in $order; do
    mkdir -p "$root/lib/modules/$kver/$(dirname "$f")"
    cp "$kmods/$f" "$root/lib/modules/$kver/$f"
    echo "/lib/modules/$kver/$f"
done >"$root/etc/modules.load"

cp "$here/init" "$root/init"
chmod 755 "$root/init"
cat >"$root/etc/inittab" <<'EOF'
# busybox init takes over from /init once Redis is up: it reaps processes and keeps a shell on the serial console.
::respawn:/bin/cttyhack /bin/sh -l
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/sh -c 'redis-cli -p "$(cat /run/redis.port 2>/dev/null || echo 6379)" shutdown nosave >/dev/null 2>&1; sync'
EOF
cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
EOF
cat >"$root/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PS1='\h:\w# '
EOF
echo "lockstep-guest" >"$root/etc/hostname"
{
    echo "Lockstep QEMU guest image, built from these Debian packages (name, version, sha256 of the .deb):"
    cat "$manifest_new"
} >"$root/etc/lockstep-image"

# A chroot run proves the programs start with the copied libraries (root only).
if [ "$(id -u)" = 0 ]; then
    chroot "$root" /usr/bin/redis-server --version >/dev/null || die "redis-server does not start inside the image root"
    chroot "$root" /usr/bin/sg_inq --version >/dev/null 2>&1 || die "sg_inq does not start inside the image root"
fi

# --- pack -----------------------------------------------------------------------------------------------------------
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
new="$work/out"; mkdir -p "$new"
(cd "$root" && find . -mindepth 1 | sort | cpio -o -H newc -R 0:0 --reproducible --quiet) | gzip -n -9 >"$new/initrd.img"
cp "$stage/boot/vmlinuz-$kver" "$new/vmlinuz"
touch -d "@$SOURCE_DATE_EPOCH" "$new/vmlinuz" "$new/initrd.img"
{
    echo "# Lockstep QEMU guest image: kernel $kver, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
    printf '# %-32s %-24s %s\n' package version "sha256 of the .deb"
    cat "$manifest_new"
} >"$new/manifest.txt"
(cd "$new" && sha256sum vmlinuz initrd.img manifest.txt >SHA256SUMS)
echo "$key" >"$new/inputs.sha256"
for f in vmlinuz initrd.img manifest.txt SHA256SUMS inputs.sha256; do mv -f "$new/$f" "$out/$f"; done
say "built $out (kernel $kver, ${#pkgs[@]} packages, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
say "  vmlinuz    $(stat -c %s "$out/vmlinuz") bytes"
say "  initrd.img $(stat -c %s "$out/initrd.img") bytes"
sed 's/^/qemu-image:   /' "$out/SHA256SUMS"
