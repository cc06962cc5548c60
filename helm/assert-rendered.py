#!/usr/bin/env python3
"""Assertions on manifests rendered by `helm template` (called by helm/check-chart.sh).

    assert-rendered.py DEFAULT.yaml FULL.yaml FULL_NO_MONITORING.yaml HA.yaml EKS_FARGATE.yaml

DEFAULT is rendered with the chart's default values, FULL with ci/full-values.yaml and the
monitoring.coreos.com/v1 API, FULL_NO_MONITORING with ci/full-values.yaml alone, HA with
ci/ha-values.yaml (two replicas, PodDisruptionBudget, NetworkPolicies), EKS_FARGATE with
ci/eks-fargate-values.yaml (docs/eks-fargate.md). Only the Python
standard library is used (no PyYAML on the build machines): documents are told apart by their
`kind:` and `metadata.name`, checked with regular expressions, and the RBAC rules, which the chart
renders as one JSON object per line, are parsed as JSON.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPERATOR_CONFIG = ROOT / "operator/src/main/java/dev/dlt/operator/config/OperatorConfig.java"
WORKER_PODS = ROOT / "operator/src/main/java/dev/dlt/operator/backend/eks/WorkerPods.java"
LEADER_ELECTION_KEYS = ("dlt.leader-election.enabled", "dlt.leader-election.lease-name", "dlt.leader-election.lease-namespace")

failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
    return condition


class Doc:
    def __init__(self, text):
        self.text = text
        self.kind = first(r"^kind: *(\S+)", text)
        self.name = first(r"^metadata:\n(?:  .*\n)*?  name: *\"?([^\"\n]+)\"?", text)
        self.namespace = first(r"^metadata:\n(?:  .*\n)*?  namespace: *\"?([^\"\n]+)\"?", text)

    def has(self, pattern):
        return re.search(pattern, self.text, re.MULTILINE) is not None

    def rules(self):
        return [json.loads(line[2:]) for line in self.text.splitlines() if line.startswith("- {")]

    def __repr__(self):
        return f"{self.kind}/{self.name}" + (f" in {self.namespace}" if self.namespace else "")


def first(pattern, text):
    match = re.search(pattern, text, re.MULTILINE)
    return match.group(1).strip() if match else None


def load(path):
    text = Path(path).read_text()
    docs = [Doc(part) for part in re.split(r"^---\s*$", text, flags=re.MULTILINE) if re.search(r"^kind:", part, re.MULTILINE)]
    return docs


def find(docs, kind, name=None, namespace=None):
    return [d for d in docs if d.kind == kind and (name is None or d.name == name)
            and (namespace is None or d.namespace == namespace)]


def one(docs, kind, name=None, namespace=None, label=""):
    found = find(docs, kind, name, namespace)
    check(len(found) == 1, f"{label}: expected one {kind} {name or ''} {namespace or ''}, found {found}")
    return found[0] if found else Doc("kind: Missing\n")


def java_unescape(value):
    """java.util.Properties escapes: \\t \\n \\r \\f \\uXXXX, any other \\x is x."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            if n == "u":
                out.append(chr(int(value[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def properties(configmap):
    """application.properties of the chart's ConfigMap -> {key: value as Quarkus sees it}."""
    match = re.search(r"^  application\.properties: \|\n((?:    .*\n|\n)*)", configmap.text + "\n", re.MULTILINE)
    if not check(match is not None, f"{configmap}: no application.properties block"):
        return {}
    result = {}
    for line in match.group(1).splitlines():
        line = line[4:]
        if not line.strip() or line.lstrip().startswith(("#", "!")):
            continue
        key = re.match(r"((?:\\.|[^=:\\])*)[=:]", line)
        if not check(key is not None, f"{configmap}: property line without '=': {line!r}"):
            continue
        raw_value = line[key.end():]
        # SmallRye Config: "\${" is a literal "${", not an expression.
        result[java_unescape(key.group(1))] = java_unescape(raw_value).replace("\\${", "${")
    return result


def check_config_keys(props, label):
    """Every dlt.* key must be a method of OperatorConfig (kebab-case -> camelCase)."""
    if not OPERATOR_CONFIG.exists():
        print(f"   (skipped key check: {OPERATOR_CONFIG} not found)")
        return
    java = OPERATOR_CONFIG.read_text()
    for key in props:
        if not key.startswith("dlt."):
            continue
        segments = key.split(".")[1:]
        if segments[:2] == ["worker", "env"]:
            segments = segments[:2]
        for segment in segments:
            camel = re.sub(r"-([a-z])", lambda m: m.group(1).upper(), segment)
            check(re.search(rf"\b{camel}\(\)", java) is not None,
                  f"{label}: property {key}: OperatorConfig has no {camel}() (typo, or the config changed?)")


def check_rbac(role, label):
    rules = role.rules()
    check(len(rules) >= 9, f"{label}: {role} has {len(rules)} rules")
    verbs = {}
    for rule in rules:
        for field in ("apiGroups", "resources", "verbs"):
            check("*" not in rule.get(field, []), f"{label}: {role}: wildcard in {field}: {rule}")
        for group in rule["apiGroups"]:
            for resource in rule["resources"]:
                verbs.setdefault((group, resource), set()).update(rule["verbs"])
    expected = {
        ("load.dlt.dev", "loadtests"): {"get", "list", "watch", "patch"},
        ("load.dlt.dev", "loadtests/status"): {"patch"},
        ("load.dlt.dev", "loadtests/finalizers"): {"update"},
        ("load.dlt.dev", "testregions"): {"get", "list", "watch"},
        ("load.dlt.dev", "testregions/status"): {"patch"},
        ("", "pods"): {"get", "list", "watch", "create", "delete", "deletecollection"},
        ("", "secrets"): {"get", "create", "delete"},
        ("", "configmaps"): {"get"},
        ("", "events"): {"create"},
    }
    for resource, wanted in expected.items():
        check(verbs.get(resource) == wanted,
              f"{label}: {role}: {resource[0] or 'core'}/{resource[1]} verbs {sorted(verbs.get(resource, []))}, expected {sorted(wanted)}")
    check(set(verbs) == set(expected), f"{label}: {role}: unexpected resources {sorted(set(verbs) - set(expected))}")


def check_deployment(dep, label, image, sa="dlt-operator", replicas=1):
    for pattern, what in [
        (rf"^  replicas: {replicas}$", f"replicas: {replicas}"),
        (r"^    type: Recreate$" if replicas == 1 else r"^    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0$",
         "Recreate strategy" if replicas == 1 else "RollingUpdate, never below the replica count"),
        (r"^        runAsNonRoot: true$", "pod runAsNonRoot"),
        (r"^        runAsUser: 185$", "runAsUser 185"),
        (r"^            readOnlyRootFilesystem: true$", "readOnlyRootFilesystem"),
        (r"^            allowPrivilegeEscalation: false$", "no privilege escalation"),
        (r"^              - ALL$", "capabilities drop ALL"),
        (r"^          (startup|liveness|readiness)Probe:", "probes"),
        (r"path: /q/health/live\n\s+port: http$", "liveness probe on /q/health/live"),
        (r"path: /q/health/ready\n\s+port: http$", "readiness probe on /q/health/ready"),
        (r"path: /q/health/started\n\s+port: http$", "startup probe on /q/health/started"),
        (r"^            - name: http\n\s+containerPort: 8080$", "container port 8080"),
        (r"^          workingDir: /deployments$", "workingDir /deployments (config/application.properties)"),
        (r"- name: config\n\s+mountPath: /deployments/config\n\s+readOnly: true", "config mounted at /deployments/config"),
        (r"- name: tmp\n\s+mountPath: /tmp", "/tmp mounted"),
        (r"- name: tmp\n\s+emptyDir:", "/tmp is an emptyDir"),
        (r"^        checksum/config: [0-9a-f]{64}$", "checksum/config annotation"),
        (r"^            - name: JAVA_OPTS\n\s+value: \".*MaxRAMPercentage", "JAVA_OPTS"),
        (rf"^          image: \"{re.escape(image)}\"$", f"image {image}"),
        (rf"^      serviceAccountName: {sa}$", f"serviceAccountName {sa}"),
        (r"configMap:\n\s+name: dlt-operator-config$", "ConfigMap volume"),
    ]:
        check(dep.has(pattern), f"{label}: {dep}: {what} (/{pattern}/)")


def worker_pod_labels():
    """The label keys and values WorkerPods.java gives worker and leader pods (NAME = "..." constants)."""
    java = WORKER_PODS.read_text()
    constants = dict(re.findall(r'public static final String (\w+) = "([^"]+)";', java))
    return {
        constants["MANAGED_BY"]: constants["MANAGED_BY_VALUE"],
        constants["NAME"]: constants["NAME_VALUE"],
        "role": constants["ROLE"],
        "port": first(r"public static final int START_PORT = (\d+);", java),
    }


def check_network_policies(docs, label, namespaces):
    pods = worker_pod_labels()
    managed = [k for k in pods if k not in ("role", "port")]
    base = "".join(f"      {k}: {pods[k]}\n" for k in managed)
    for ns in namespaces:
        workers = one(docs, "NetworkPolicy", "dlt-operator-workers", ns, label)
        check(workers.has(r"^  podSelector:\n    matchLabels:\n" + re.escape(base) + re.escape(f"      {pods['role']}: worker") + "$"),
              f"{label}: {workers} does not select the worker pods by WorkerPods' labels")
        check(workers.has(r"^  policyTypes:\n    - Ingress$"), f"{label}: {workers} policyTypes")
        leader_from = "".join(f"              {k}: {pods[k]}\n" for k in managed) + f"              {pods['role']}: leader\n"
        check(workers.has(r"^  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n" + re.escape(leader_from)
                          + r"      ports:\n        - protocol: TCP\n          port: " + pods["port"] + r"\s*\Z"),
              f"{label}: {workers}: the only ingress must be the leader pods on TCP {pods['port']}")
        check(workers.text.count("- from:") == 1 and "namespaceSelector" not in workers.text and "ipBlock" not in workers.text,
              f"{label}: {workers} lets more than the leaders in")
        leaders = one(docs, "NetworkPolicy", "dlt-operator-leaders", ns, label)
        check(leaders.has(r"^  podSelector:\n    matchLabels:\n" + re.escape(base) + re.escape(f"      {pods['role']}: leader") + "$"),
              f"{label}: {leaders} does not select the leader pods")
        check(leaders.has(r"^  policyTypes:\n    - Ingress\n  ingress: \[\]\s*\Z"), f"{label}: {leaders} must allow no ingress")
    check(len(find(docs, "NetworkPolicy")) == 2 * len(namespaces), f"{label}: NetworkPolicies {find(docs, 'NetworkPolicy')}")


def check_high_availability(docs, label, namespaces):
    dep = one(docs, "Deployment", "dlt-operator", "dlt-system", label)
    check(dep.has(r"^  replicas: 2$"), f"{label}: {dep} replicas")
    check(dep.has(r"^    type: RollingUpdate$"), f"{label}: {dep} RollingUpdate with leader election")
    check(dep.has(r"podAntiAffinity:\n\s+preferredDuringSchedulingIgnoredDuringExecution:"), f"{label}: {dep} spreads replicas over nodes")
    props = properties(one(docs, "ConfigMap", "dlt-operator-config", "dlt-system", label))
    check(props.get("dlt.leader-election.enabled") == "true", f"{label}: leader election not enabled: {props}")
    check(props.get("dlt.leader-election.lease-name") == "dlt-operator", f"{label}: lease name {props.get('dlt.leader-election.lease-name')}")
    check(props.get("dlt.leader-election.lease-namespace") == "dlt-system", f"{label}: lease namespace")
    check(props.get("dlt.leader-election.lease-duration") == "15s", f"{label}: lease duration {props.get('dlt.leader-election.lease-duration')}")
    # The leader-election keys belong to the ops branch's OperatorConfig; checked once it has leaderElection().
    if OPERATOR_CONFIG.exists() and "leaderElection()" in OPERATOR_CONFIG.read_text():
        check_config_keys(props, label)
    else:
        print("   (leader-election keys not checked against OperatorConfig: it has no leaderElection() yet)")
        check_config_keys({k: v for k, v in props.items() if k not in LEADER_ELECTION_KEYS}, label)
    role = one(docs, "Role", "dlt-operator-leader-election", "dlt-system", label)
    check(role.rules() == [{"apiGroups": ["coordination.k8s.io"], "resources": ["leases"], "verbs": ["get", "create", "update"]}],
          f"{label}: {role} rules {role.rules()}")
    binding = one(docs, "RoleBinding", "dlt-operator-leader-election", "dlt-system", label)
    check(binding.has(r"kind: Role\n\s+name: dlt-operator-leader-election$"), f"{label}: {binding} roleRef")
    check(binding.has(r"- kind: ServiceAccount\n\s+name: dlt-operator\n\s+namespace: dlt-system$"), f"{label}: {binding} subject")
    pdb = one(docs, "PodDisruptionBudget", "dlt-operator", "dlt-system", label)
    check(pdb.has(r"^apiVersion: policy/v1$"), f"{label}: {pdb} apiVersion")
    check(pdb.has(r"^  minAvailable: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: dlt-operator\n"
                  r"      app.kubernetes.io/instance: dlt-operator$"), f"{label}: {pdb} must select the operator pods and keep one")
    check_network_policies(docs, label, namespaces)


def checksum(dep):
    return first(r"^        checksum/config: ([0-9a-f]{64})$", dep.text)


def check_live_extras(full, label):
    """The Grafana dashboard ConfigMap (sidecar label, valid JSON on the live metrics) and the PrometheusRule."""
    dashboard = one(full, "ConfigMap", "dlt-operator-dashboard", "monitoring", label)
    check(dashboard.has(r'^    grafana_dashboard: "1"$'), f"{label}: {dashboard} lacks the sidecar label")
    body = re.search(r"^  dlt-live.json: \|-\n((?:    .*\n?)+)", dashboard.text, re.M)
    if check(body is not None, f"{label}: {dashboard} has no dlt-live.json"):
        board = json.loads("\n".join(line[4:] for line in body.group(1).splitlines()))
        exprs = [t["expr"] for p in board["panels"] for t in p["targets"]]
        for metric in ("dlt_live_requests_per_second", "dlt_live_response_time_p95_seconds", "dlt_live_error_ratio",
                       "dlt_live_users", "dlt_live_workers_stale", "dlt_live_requests_total"):
            check(any(metric in e for e in exprs), f"{label}: dashboard has no panel on {metric}")
    rule = one(full, "PrometheusRule", "dlt-operator", "dlt-system", label)
    for alert in ("DltLoadTestErrorRatioHigh", "DltLoadTestSlow", "DltLoadTestWorkersStale", "DltLoadTestRunsFailing"):
        check(rule.has(rf"- alert: {alert}$"), f"{label}: {rule} lacks alert {alert}")
    check(rule.has(r"expr: max by \(namespace, loadtest\) \(dlt_live_error_ratio\) > 0.02$"), f"{label}: {rule} error ratio")
    check(rule.has(r"\{\{ \$labels.loadtest \}\}"), f"{label}: {rule} alert text keeps Prometheus templates")


def main(default_path, full_path, nomon_path, ha_path, eks_path):
    default, full, nomon, ha, eks = load(default_path), load(full_path), load(nomon_path), load(ha_path), load(eks_path)

    # ---- default values ----
    label = "default"
    kinds = sorted(d.kind for d in default)
    check(kinds == sorted(["ServiceAccount", "ConfigMap", "ClusterRole", "ClusterRole", "ClusterRole",
                           "ClusterRoleBinding", "Service", "Deployment"]), f"{label}: objects {kinds}")
    check(not find(default, "ServiceMonitor"), f"{label}: ServiceMonitor rendered without the monitoring API")
    check(not find(default, "Role"), f"{label}: Role rendered with rbac.scope=cluster (or a leader-election Role with one replica)")
    check(not find(default, "PodDisruptionBudget") and not find(default, "NetworkPolicy"), f"{label}: optional objects rendered")
    sa = one(default, "ServiceAccount", "dlt-operator", "dlt-system", label)
    check(not sa.has(r"^  annotations:"), f"{label}: {sa} has annotations")
    role = one(default, "ClusterRole", "dlt-operator", label=label)
    check_rbac(role, label)
    binding = one(default, "ClusterRoleBinding", "dlt-operator", label=label)
    check(binding.has(r"kind: ClusterRole\n\s+name: dlt-operator$"), f"{label}: {binding} roleRef")
    check(binding.has(r"- kind: ServiceAccount\n\s+name: dlt-operator\n\s+namespace: dlt-system$"), f"{label}: {binding} subject")
    edit = one(default, "ClusterRole", "dlt-operator-edit", label=label)
    check(edit.has(r'rbac.authorization.k8s.io/aggregate-to-edit: "true"'), f"{label}: {edit} aggregation label")
    view = one(default, "ClusterRole", "dlt-operator-view", label=label)
    check(view.has(r'rbac.authorization.k8s.io/aggregate-to-view: "true"'), f"{label}: {view} aggregation label")
    dep = one(default, "Deployment", "dlt-operator", "dlt-system", label)
    check_deployment(dep, label, "public.ecr.aws/dlt-operator/dlt-operator:0.1.0")
    check(dep.has(r"^          imagePullPolicy: IfNotPresent$"), f"{label}: pull policy")
    svc = one(default, "Service", "dlt-operator-metrics", "dlt-system", label)
    check(svc.has(r"port: 8080\n\s+targetPort: http"), f"{label}: {svc} port")
    check(svc.has(r"^  selector:\n    app.kubernetes.io/name: dlt-operator\n    app.kubernetes.io/instance: dlt-operator\n"
                  r"    app.kubernetes.io/component: operator$"), f"{label}: {svc} selector")
    props = properties(one(default, "ConfigMap", "dlt-operator-config", "dlt-system", label))
    expected = {
        "dlt.aws.region": "us-east-1",
        "dlt.s3.bucket": "dlt-results",
        "dlt.dynamodb.table": "dlt-results",
        "dlt.dynamodb.create-table": "true",
        "dlt.worker.image": "public.ecr.aws/dlt-operator/load-tester:0.1.0",
        "dlt.worker.cpu": "1",
        "dlt.worker.memory": "2Gi",
        "dlt.timeouts.launch": "10m",
        "dlt.timeouts.reach": "3m",
        "dlt.timeouts.finish-grace": "2m",
        "dlt.timeouts.collect": "2m",
        "dlt.timeouts.poll": "2s",
        "dlt.history-size": "10",
        "dlt.log.json": "false",
    }
    check(props == expected, f"{label}: application.properties {props}, expected {expected}")
    check_config_keys(props, label)

    # ---- full values, with the monitoring API ----
    label = "full"
    sa = one(full, "ServiceAccount", "dlt-operator", "dlt-system", label)
    check(sa.has(r'^    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/dlt-operator$'), f"{label}: {sa} IRSA annotation")
    for ns in ("team-a", "team-b"):
        worker_sa = one(full, "ServiceAccount", "dlt-worker", ns, label)
        check(worker_sa.has(r'^    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/dlt-worker$'),
              f"{label}: {worker_sa} IRSA annotation")
        role = one(full, "Role", "dlt-operator", ns, label)
        check_rbac(role, label)
        binding = one(full, "RoleBinding", "dlt-operator", ns, label)
        check(binding.has(r"kind: Role\n\s+name: dlt-operator$"), f"{label}: {binding} roleRef")
        check(binding.has(r"- kind: ServiceAccount\n\s+name: dlt-operator\n\s+namespace: dlt-system$"), f"{label}: {binding} subject")
    check(not find(full, "ClusterRole", "dlt-operator"), f"{label}: ClusterRole rendered with rbac.scope=namespaces")
    check(not find(full, "ClusterRoleBinding"), f"{label}: ClusterRoleBinding rendered with rbac.scope=namespaces")
    monitor = one(full, "ServiceMonitor", "dlt-operator", "dlt-system", label)
    check(monitor.has(r"^apiVersion: monitoring.coreos.com/v1$"), f"{label}: {monitor} apiVersion")
    check(monitor.has(r"- port: http\n\s+path: /q/metrics\n\s+interval: 30s"), f"{label}: {monitor} endpoint")
    check(monitor.has(r"^    release: kube-prometheus-stack$"), f"{label}: {monitor} extra label")
    dep = one(full, "Deployment", "dlt-operator", "dlt-system", label)
    check_deployment(dep, label, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/dlt-operator:0.1.0-test")
    for pattern, what in [
        (r"^          imagePullPolicy: Always$", "pull policy"),
        (r"^      imagePullSecrets:\n        - name: ecr-pull$", "imagePullSecrets"),
        (r"^            - name: HTTPS_PROXY\n\s+value: http://proxy.internal:3128$", "extraEnv"),
        (r"^      nodeSelector:\n        kubernetes.io/os: linux$", "nodeSelector"),
        (r"^      tolerations:\n        - effect: NoSchedule\n", "tolerations"),
        (r"^        example.com/team: load$", "podAnnotations"),
    ]:
        check(dep.has(pattern), f"{label}: {dep}: {what}")
    default_checksum = checksum(one(default, "Deployment", label="default"))
    check(checksum(dep) and checksum(dep) != default_checksum, f"{label}: checksum/config does not change with the config")
    configmap = one(full, "ConfigMap", "dlt-operator-config", "dlt-system", label)
    props = properties(configmap)
    expected = {
        "dlt.namespaces": "team-a,team-b",
        "dlt.aws.region": "eu-west-1",
        "dlt.s3.bucket": "acme-dlt-results",
        "dlt.dynamodb.table": "acme-dlt",
        "dlt.dynamodb.create-table": "false",
        "dlt.worker.image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/load-tester:0.1.0-test",
        "dlt.worker.cpu": "2",
        "dlt.worker.memory": "4Gi",
        "dlt.worker.service-account": "dlt-worker",
        "dlt.worker.env.HTTPS_PROXY": "http://proxy.internal:3128",
        "dlt.worker.env.NO_PROXY": ".internal,169.254.169.254",
        "dlt.worker.env.TEMPLATE_LIKE": "keep ${THIS} and a \\ backslash",
        "dlt.timeouts.launch": "15m",
        "dlt.timeouts.reach": "4m",
        "dlt.timeouts.finish-grace": "3m",
        "dlt.timeouts.collect": "5m",
        "dlt.timeouts.poll": "5s",
        "dlt.history-size": "20",
        "dlt.live.interval": "10s",
        "dlt.live.status-every": "10s",
        "dlt.live.report-base-url": "https://reports.example.com/",
        "dlt.log.json": "true",
        'quarkus.log.category."dev.dlt".level': "DEBUG",
    }
    for key in sorted(set(expected) | set(props)):
        check(props.get(key) == expected.get(key),
              f"{label}: application.properties {key} = {props.get(key)!r}, expected {expected.get(key)!r}")
    check_config_keys(props, label)
    check_live_extras(full, label)

    # ---- full values, no monitoring API: no ServiceMonitor, nothing else changes ----
    label = "full-no-monitoring"
    check(not find(nomon, "ServiceMonitor"), f"{label}: ServiceMonitor rendered without the monitoring API")
    check(not find(nomon, "PrometheusRule"), f"{label}: PrometheusRule rendered without the monitoring API")
    check(sorted(map(repr, nomon)) == sorted(repr(d) for d in full if d.kind not in ("ServiceMonitor", "PrometheusRule")),
          f"{label}: objects differ from 'full' by more than the ServiceMonitor and PrometheusRule")

    # ---- two replicas, leader election, PodDisruptionBudget, NetworkPolicies ----
    check_high_availability(ha, "ha", ["load-a", "load-b"])
    check(not any(k.startswith("dlt.leader-election") for k in props), "full: leader election with one replica")

    # ---- the values of docs/eks-fargate.md ----
    label = "eks-fargate"
    check_high_availability(eks, label, ["perf"])
    worker_sa = one(eks, "ServiceAccount", "dlt-worker", "perf", label)
    check(worker_sa.has(r"^    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/dlt-worker$"), f"{label}: {worker_sa} IRSA")

    # ---- everything: labels, no wildcard RBAC anywhere ----
    for name, docs in (("default", default), ("full", full), ("ha", ha), ("eks-fargate", eks)):
        for d in docs:
            check(d.has(r"^    app.kubernetes.io/managed-by: Helm$"), f"{name}: {d} lacks the common labels")
            check(not d.has(r"(verbs|resources|apiGroups): \[[^\]]*\"\*\""), f"{name}: {d} has a wildcard")

    if failures:
        for failure in failures:
            print(f"   FAIL {failure}", file=sys.stderr)
        print(f"   {len(failures)} of {checks} assertions failed", file=sys.stderr)
        return 1
    print(f"   {checks} assertions passed")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
