#!/usr/bin/env bash
# WebSub content distribution: SUBSCRIBERS (1000) verified subscriptions to one feed, all on
# a loopback receiver, then EVENTS (20) articles published through POST /api/articles, one a
# second. The load client (bench/websub/WebSubLoad.java) counts, for every (subscriber,
# event), whether the event's content arrived (lost, repeated) and the time from the publish
# request to its first delivery (p50, p99, max). Reference in the same run: the client
# itself POSTs the same feed bytes to the same callbacks (64 connections, Herald's default
# delivery concurrency). Goal: 0 lost, Herald's p99 <= 2 s. Only 127.0.0.1; bounded (the
# client waits at most 120 s for verification and 60 s after the last publish; `timeout`
# caps the whole run).
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${SUBSCRIBERS:-1000}
EVENTS=${EVENTS:-20}
HERALD_PORT=${HERALD_PORT:-18480}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18481}
DATABASE_PORT=${DATABASE_PORT:-18482}
RECEIVER_PORT=${RECEIVER_PORT:-18495}

JAR=$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=$(cat target/bench-classpath.txt)
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "$CP" bench/websub/*.java

WORK=$(mktemp -d)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
# The receiver is on loopback, which the hub refuses by default; everything else is
# Herald's default (1,000 callbacks per host is the default per-host limit).
PORT=$HERALD_PORT MANAGEMENT_PORT=$MANAGEMENT_PORT HERALD_DB_EMBEDDED_DATA_DIR="$WORK/postgres" \
	HERALD_DB_EMBEDDED_PORT=$DATABASE_PORT HERALD_BASE_URL="http://127.0.0.1:$HERALD_PORT" \
	HERALD_DEMO_CONTENT=false HERALD_PUBLISHER_KEYS=$HASH HERALD_WEBSUB_ALLOW_PRIVATE_CALLBACKS=true \
	java -Xmx512m -jar "$JAR" >"$WORK/herald.log" 2>&1 &
HERALD_PID=$!
PIDS+=("$HERALD_PID")
for _ in $(seq 1 1200); do
	curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/readyz" && break
	sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/readyz" || { cat "$WORK/herald.log"; exit 1; }

timeout 600 java -Xmx512m -cp "$CP:target/bench-classes" WebSubLoad "http://127.0.0.1:$HERALD_PORT" \
	"$RECEIVER_PORT" "Bearer $KEY" "$SUBSCRIBERS" "$EVENTS" | tee "$WORK/results"

echo
printf '%-14s %11s %6s %8s %6s %8s %8s %8s %8s\n' run subscribers events received lost repeated p50_ms p99_ms max_ms
while read -r line; do
	eval "$(echo "$line" | tr ' ' '\n' | sed 's/^/r_/')"
	printf '%-14s %11s %6s %8s %6s %8s %8s %8s %8s\n' "$r_name" "$r_subscribers" "$r_events" "$r_received" "$r_lost" \
		"$r_repeated" "$r_p50_ms" "$r_p99_ms" "$r_max_ms"
done <"$WORK/results"
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | grep -E '^herald_push_deliveries_total|^herald_websub_subscriptions' || true
