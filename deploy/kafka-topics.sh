#!/usr/bin/env bash
# Creates the app's Kafka topics on a cluster without the Strimzi Topic Operator, with the settings of
# deploy/k8s/kafka-topics.yaml. Usage:
#   deploy/kafka-topics.sh BOOTSTRAP [extra kafka-topics.sh options, e.g. --command-config client.properties]
# KAFKA_TOPICS names the tool when it is not on the PATH (default: kafka-topics.sh).
set -euo pipefail
bootstrap="${1:?usage: deploy/kafka-topics.sh BOOTSTRAP [kafka-topics.sh options]}"
shift
tool="${KAFKA_TOPICS:-kafka-topics.sh}"
create() { # topic partitions retention.ms
  "$tool" --bootstrap-server "$bootstrap" "${extra[@]}" --create --if-not-exists --topic "$1" \
    --partitions "$2" --replication-factor 3 --config min.insync.replicas=2 --config retention.ms="$3"
}
extra=("$@")
# topup.dispatch: one consumer group over every instance, so partitions >= the autoscaler's maxReplicas (10)
create topup.dispatch 12 604800000
create topup.order-events 12 604800000
# topup.rules-changed: a broadcast (each instance its own group), one partition
create topup.rules-changed 1 86400000
