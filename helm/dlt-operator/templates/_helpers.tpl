{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "dlt-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release name + chart name, unless the release name already contains it. */}}
{{- define "dlt-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "dlt-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels. Note: app.kubernetes.io/managed-by is Helm here; the operator's worker pods carry
app.kubernetes.io/managed-by=dlt-operator and app.kubernetes.io/name=dlt-worker, so the selector
below (name + instance) never matches a worker pod.
*/}}
{{- define "dlt-operator.labels" -}}
helm.sh/chart: {{ include "dlt-operator.chart" . }}
{{ include "dlt-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: dlt-operator
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "dlt-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dlt-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The operator's ServiceAccount. */}}
{{- define "dlt-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "dlt-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "dlt-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion (toString .Values.image.tag)) }}
{{- end }}
{{- end }}

{{/* Namespaces where the chart creates the workers' ServiceAccount. */}}
{{- define "dlt-operator.workerServiceAccountNamespaces" -}}
{{- $namespaces := .Values.worker.serviceAccount.namespaces | default .Values.watchNamespaces | default list }}
{{- toJson (uniq $namespaces) }}
{{- end }}

{{/*
A value for a Java .properties file: backslashes doubled, line breaks escaped, and "${" escaped so
that Quarkus (SmallRye Config) does not expand it as an expression.
*/}}
{{- define "dlt-operator.propertyValue" -}}
{{- toString . | replace "\\" "\\\\" | replace "\n" "\\n" | replace "\r" "\\r" | replace "${" "\\\\${" }}
{{- end }}

{{/* A key for a Java .properties file: backslash, space, ':' and '=' escaped. */}}
{{- define "dlt-operator.propertyKey" -}}
{{- toString . | replace "\\" "\\\\" | replace " " "\\ " | replace ":" "\\:" | replace "=" "\\=" }}
{{- end }}

{{/*
RBAC rules of the operator: exactly the verbs its code uses, per resource. One JSON object per line
(valid YAML flow style), so that helm/check-chart.sh can parse and check them.
*/}}
{{- define "dlt-operator.rules" -}}
# LoadTests: informer (get/list/watch); JOSDK adds and removes its finalizer with a JSON patch
# (the reconciler implements Cleaner).
- {"apiGroups":["load.dlt.dev"],"resources":["loadtests"],"verbs":["get","list","watch","patch"]}
# Status is written with UpdateControl.patchStatus (JSON patch on the status subresource).
- {"apiGroups":["load.dlt.dev"],"resources":["loadtests/status"],"verbs":["patch"]}
# Worker pods carry an ownerReference with blockOwnerDeletion=true, which needs update on the
# owner's finalizers subresource (OwnerReferencesPermissionEnforcement admission).
- {"apiGroups":["load.dlt.dev"],"resources":["loadtests/finalizers"],"verbs":["update"]}
# TestRegions (ECS Fargate regions): read by the planner, status written by their reconciler.
- {"apiGroups":["load.dlt.dev"],"resources":["testregions"],"verbs":["get","list","watch"]}
- {"apiGroups":["load.dlt.dev"],"resources":["testregions/status"],"verbs":["patch"]}
# Worker pods: informer (list/watch), get-before-create, create, and stop by label selector
# (a DELETE on the collection, falling back to one delete per pod).
- {"apiGroups":[""],"resources":["pods"],"verbs":["get","list","watch","create","delete","deletecollection"]}
# The per-run start-gate Secret: created once, read back after a restart, deleted with the run;
# get also reads the Secret keys that requests reference (headersFrom, bodyFrom) at launch.
- {"apiGroups":[""],"resources":["secrets"],"verbs":["get","create","delete"]}
# JMeter plans referenced by spec.scenario.jmeter.configMapRef.
- {"apiGroups":[""],"resources":["configmaps"],"verbs":["get"]}
# Kubernetes Events on LoadTests (core v1), each created once.
- {"apiGroups":[""],"resources":["events"],"verbs":["create"]}
{{- end }}

{{/* "true" when the operator replicas elect a leader through a Lease (replicaCount > 1 or leaderElection.enabled). */}}
{{- define "dlt-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{- define "dlt-operator.leaseName" -}}
{{- default (include "dlt-operator.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}
