#!/usr/bin/env bash
# Applies one overlay of deploy/k8s in the order the services need (README.md beside this file):
#   1. everything shared: namespace, ConfigMaps, ServiceAccounts, Services, NetworkPolicies,
#      monitoring (component not server/migration);
#   2. the schema migrations: last release's Jobs deleted, this release's run, waited for;
#   3. the workloads (component=server): Deployments, autoscalers, PodDisruptionBudgets, and the
#      rollout waited for.
# Usage: deploy/k8s/apply.sh dev|production [extra kubectl flags, e.g. --context prod]
set -euo pipefail

overlay=${1:?usage: deploy/k8s/apply.sh dev|production [kubectl flags]}
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kubectl=(kubectl "$@")

manifests=$(mktemp)
trap 'rm -f "$manifests"' EXIT
"${kubectl[@]}" kustomize "${here}/overlays/${overlay}" >"$manifests"
namespace=$(awk '/^kind: Namespace$/ { ns = 1 } ns && /^  name: / { print $2; exit }' "$manifests")
timeout=${SALUR_APPLY_TIMEOUT:-15m}

echo "== ${overlay}: shared objects in namespace ${namespace}"
"${kubectl[@]}" apply -f "$manifests" -l 'app.kubernetes.io/component notin (server,migration)'

secrets=(salur-auth salur-intake salur-routing salur-sla salur-notification)
if ! "${kubectl[@]}" -n "$namespace" get secret "${secrets[@]}" >/dev/null; then
  echo "Create the Secrets listed in ${here}/README.md in namespace ${namespace}, then run again." >&2
  exit 1
fi

echo "== ${overlay}: schema migrations"
"${kubectl[@]}" -n "$namespace" delete job -l app.kubernetes.io/component=migration \
  --ignore-not-found --wait=true
"${kubectl[@]}" apply -f "$manifests" -l app.kubernetes.io/component=migration
"${kubectl[@]}" -n "$namespace" wait job -l app.kubernetes.io/component=migration \
  --for=condition=complete --timeout="$timeout"

echo "== ${overlay}: services"
"${kubectl[@]}" apply -f "$manifests" -l app.kubernetes.io/component=server
for deployment in $("${kubectl[@]}" -n "$namespace" get deployment \
  -l app.kubernetes.io/component=server -o name); do
  "${kubectl[@]}" -n "$namespace" rollout status "$deployment" --timeout="$timeout"
done
