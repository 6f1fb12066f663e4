#!/usr/bin/env bash
# The container image's start-up and shutdown, without a container engine: the packaged
# jar is extracted and laid out as the Dockerfile does and started with its ENTRYPOINT and
# JAVA_TOOL_OPTIONS; the reference is the same jar started with `java -jar`. Each run times
# a restart on an existing embedded database until /readyz answers 200, then opens
# STREAMS live streams (if /stream exists) and times SIGTERM until the process has exited.
# Prints each run and the medians. Traffic goes to 127.0.0.1 only; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
STREAMS=${STREAMS:-200}
PORT=${PORT:-18090}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18091}
JAR=$(ls target/herald-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -Dmaven.test.skip=true package
	JAR=$(ls target/herald-*.jar | head -1)
fi
JAR=$(realpath "$JAR")

work=$(mktemp -d)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

# The image's steps, read from the Dockerfile.
extract=$(sed -n 's/^RUN \(java -Djarmode=tools .*\)$/\1/p' Dockerfile)
jar_name=$(echo "$extract" | sed 's/.*-jar \([^ ]*\).*/\1/')
entrypoint=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' Dockerfile | tr -d '",')
java_tool_options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
mkdir -p "$work/build" "$work/app"
cp "$JAR" "$work/build/$jar_name"
(cd "$work/build" && $extract >/dev/null)
for layer in $(sed -n 's|^COPY --from=build /build/\(extracted/[^ ]*\) ./$|\1|p' Dockerfile); do
	cp -r "$work/build/$layer." "$work/app/"
done

# start VARIANT DATA_DIR LOG: starts Herald in the background, prints its pid
start() {
	local variant=$1 data=$2 log=$3
	if [ "$variant" = image ]; then
		(cd "$work/app" && exec env -i PATH="$PATH" JAVA_TOOL_OPTIONS="$java_tool_options" PORT=$PORT \
			MANAGEMENT_PORT=$MANAGEMENT_PORT HERALD_DB_EMBEDDED_DATA_DIR="$data" \
			HERALD_STREAM_MAX_STREAMS_PER_ADDRESS=100000 $entrypoint >"$log" 2>&1) &
	else
		(exec env PORT=$PORT MANAGEMENT_PORT=$MANAGEMENT_PORT HERALD_DB_EMBEDDED_DATA_DIR="$data" \
			HERALD_STREAM_MAX_STREAMS_PER_ADDRESS=100000 java -jar "$JAR" >"$log" 2>&1) &
	fi
	echo $!
}

# run VARIANT DATA_DIR: prints "ready_ms exit_ms streams_opened streams_closed"
run() {
	local variant=$1 data=$2 pid start_ns ready_ns term_ns exit_ns opened=0 closed=0 curls=()
	start_ns=$(date +%s%N)
	pid=$(start "$variant" "$data" "$work/$variant.log")
	pids+=("$pid")
	for _ in $(seq 1 1200); do
		curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
		sleep 0.1
	done
	ready_ns=$(date +%s%N)
	if [ "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$PORT/stream" || true)" = 200 ]; then
		for _ in $(seq 1 "$STREAMS"); do
			curl -sN -m 120 -o /dev/null "http://127.0.0.1:$PORT/stream" &
			curls+=($!)
		done
		sleep 2
		opened=${#curls[@]}
	fi
	term_ns=$(date +%s%N)
	kill -TERM "$pid"
	for _ in $(seq 1 1200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	exit_ns=$(date +%s%N)
	for curl_pid in "${curls[@]}"; do
		# curl ends with 0 when the server closed the stream, 28 when it hit -m
		if wait "$curl_pid"; then closed=$((closed + 1)); fi
	done
	wait "$pid" 2>/dev/null || true
	echo "$(((ready_ns - start_ns) / 1000000)) $(((exit_ns - term_ns) / 1000000)) $opened $closed"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

declare -A ready exited streams
for run in $(seq 1 "$RUNS"); do
	data="$work/data-$run"
	run jar "$data" >/dev/null # initdb, migrations and demo load, not measured
	for variant in jar image; do
		read -r r e o c < <(run "$variant" "$data")
		ready[$variant]+="$r "
		exited[$variant]+="$e "
		streams[$variant]="$c of $o closed by the server"
	done
done

printf '%-18s | %-30s | %-30s | %s\n' "variant" "restart to ready (ms) -> median" "SIGTERM to exit (ms) -> median" "streams (last run)"
for variant in jar image; do
	printf '%-18s | %-30s | %-30s | %s\n' "$variant" \
		"${ready[$variant]}-> $(echo "${ready[$variant]}" | tr ' ' '\n' | grep . | median)" \
		"${exited[$variant]}-> $(echo "${exited[$variant]}" | tr ' ' '\n' | grep . | median)" \
		"${streams[$variant]}"
done
