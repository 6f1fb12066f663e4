#!/usr/bin/env bash
# Live headline fan-out: N concurrent SSE subscribers (1k, 5k, 10k by default) on one Herald
# running with -Xmx512m, M headlines published through the publishing API (POST
# /api/articles) at RATE per second. Compared in the same run against a bare Reactor Netty
# multicast SSE server (bench/stream/StreamReference.java, same -Xmx) fed the same way.
# The load client (bench/stream/StreamLoad.java) reports send-to-receipt latency
# p50/p99/max, events lost and repeated, and heap/RSS per idle stream. Only 127.0.0.1;
# every run is bounded (a client gives up 60 s after its last publish; `timeout` caps it).
#
# Then the reconnect storm: STORM (10000) streams resume at once with a Last-Event-ID
# REPLAY (20) events back, and STORM fresh streams ask ?backfill=REPLAY, against a bare
# Reactor Netty server (bench/stream/StormReference.java) answering every stream with the
# same bytes Herald replayed. bench/stream/StormLoad.java times each stream from its request
# to its last replayed event and checks it got exactly those ids. SUBSCRIBERS="" runs only
# the storm, STORM=0 only the fan-out. STORM_ROUNDS (3) rounds of the three storm runs, in
# turns.
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${SUBSCRIBERS-"1000 5000 10000"}
EVENTS=${EVENTS:-40}
RATE=${RATE:-2}
HERALD_PORT=${HERALD_PORT:-18480}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18481}
REFERENCE_PORT=${REFERENCE_PORT:-18490}
STORM_REFERENCE_PORT=${STORM_REFERENCE_PORT:-18491}
STORM=${STORM:-10000}
# Herald's JVM flags; HERALD_JVM="-XX:MaxRAM=1g -XX:MaxRAMPercentage=50.0 ..." runs it as the
# image does under a 1 GiB limit (the peak RSS is printed at the end).
HERALD_JVM=${HERALD_JVM:--Xmx512m}
REPLAY=${REPLAY:-20}
STORM_ROUNDS=${STORM_ROUNDS:-3}
DATABASE_PORT=${DATABASE_PORT:-18482}

# 10k streams plus the client's ends of them, within the machine's 20000 limit.
ulimit -n "$(ulimit -Hn | awk '{ print ($1 == "unlimited" || $1 > 20000) ? 20000 : $1 }')"

JAR=$(ls target/herald-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/herald-*.jar | grep -v plain | head -1)
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP=$(cat target/bench-classpath.txt)
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "$CP" bench/stream/*.java

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
# The per-address limit would refuse the 51st stream from 127.0.0.1, where every
# benchmark client lives; everything else is Herald's default.
PORT=$HERALD_PORT MANAGEMENT_PORT=$MANAGEMENT_PORT HERALD_DB_EMBEDDED_DATA_DIR="$WORK/postgres" \
	HERALD_DB_EMBEDDED_PORT=$DATABASE_PORT \
	HERALD_DEMO_CONTENT=false HERALD_PUBLISHER_KEYS=$HASH HERALD_STREAM_MAX_STREAMS_PER_ADDRESS=20000 \
	java $HERALD_JVM -jar "$JAR" >"$WORK/herald.log" 2>&1 &
HERALD_PID=$!
PIDS+=("$HERALD_PID")
# Herald's peak resident set, sampled twice a second for the whole run.
(peak=0; while kill -0 "$HERALD_PID" 2>/dev/null; do
	rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$HERALD_PID/status" 2>/dev/null || echo 0)
	[ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$WORK/peak-rss"
	sleep 0.5
done) &
PIDS+=("$!")
java -Xmx512m -cp "$CP:target/bench-classes" StreamReference "$REFERENCE_PORT" >"$WORK/reference.log" 2>&1 &
REFERENCE_PID=$!
PIDS+=("$REFERENCE_PID")

for _ in $(seq 1 1200); do
	curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/readyz" && break
	sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/readyz" || { cat "$WORK/herald.log"; exit 1; }

open_streams() {
	curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | awk '/^herald_stream_open/ { print int($2) }'
}

latency_buckets() {
	curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" |
		awk -F'le="' '/^herald_stream_delivery_latency_seconds_bucket/ { split($2, a, "\"} "); print a[1], a[2] }'
}

# Herald's own histogram (insert -> write to the connection) over one run: bucket bounds
# in ms that hold the 50th and 99th percentile.
server_quantiles() {
	join <(sort "$1") <(sort "$2") | awk '{ print ($1 == "+Inf" ? 1e99 : $1), $3 - $2 }' | sort -g |
		awk '{ le[NR] = $1; c[NR] = $2 } END {
			for (q = 1; q <= 2; q++) {
				want = (q == 1 ? 0.5 : 0.99) * c[NR]
				for (i = 1; i <= NR; i++) if (c[i] >= want) { printf "%s%s", (q == 1 ? "" : "/"), (le[i] >= 1e98 ? "inf" : le[i] * 1000); break }
			}
		}'
}

run() {
	local name=$1 n=$2 stream=$3 publish=$4 auth=$5 pid=$6 jdbc=${7:-}
	timeout 900 java -Xmx1g -cp "$CP:target/bench-classes" StreamLoad "$name" "$stream" "$publish" "$auth" \
		"$n" "$EVENTS" "$RATE" "$pid" $jdbc | tail -1
}

RESULTS=()
for n in $SUBSCRIBERS; do
	latency_buckets >"$WORK/before"
	line=$(run herald "$n" "http://127.0.0.1:$HERALD_PORT/stream" \
		"http://127.0.0.1:$HERALD_PORT/api/articles" "Bearer $KEY" "$HERALD_PID" \
		"jdbc:postgresql://127.0.0.1:$DATABASE_PORT/postgres")
	latency_buckets >"$WORK/after"
	RESULTS+=("$line server_ms=$(server_quantiles "$WORK/before" "$WORK/after")")
	# Wait until Herald has noticed that the client's streams are gone.
	for _ in $(seq 1 600); do [ "$(open_streams)" = "0" ] && break; sleep 0.1; done
	RESULTS+=("$(run reference "$n" "http://127.0.0.1:$REFERENCE_PORT/stream" \
		"http://127.0.0.1:$REFERENCE_PORT/publish" "" "$REFERENCE_PID")")
done

storm() {
	local name=$1 url=$2 header=$3 value=$4 first=$5 last=$6
	timeout 400 java -Xmx1g -cp "$CP:target/bench-classes" StormLoad "$name" "$url" "$header" "$value" \
		"$STORM" "$first" "$last" | tail -1
}

STORM_RESULTS=()
if [ "$STORM" -gt 0 ]; then
	# History to replay: REPLAY + 10 more headlines, so the resume point is well inside.
	for i in $(seq 1 $((REPLAY + 10))); do
		curl -fs -o /dev/null "http://127.0.0.1:$HERALD_PORT/api/articles" -H "Authorization: Bearer $KEY" \
			-H 'Content-Type: application/json' -d "{\"externalId\": \"storm-$i-$RANDOM\", \"section\": \"world\",
			\"title\": \"Storm headline $i\", \"summary\": \"Replayed in the reconnect storm.\",
			\"url\": \"https://news.example/storm/$i\", \"language\": \"en\"}"
	done
	sleep 1
	last=$(curl -fs "http://127.0.0.1:$HERALD_PORT/stream?backfill=1" --max-time 2 | awk '/^id: / { n = $2; sub(/.*-/, "", n); print n; exit }' || true)
	first=$((last - REPLAY + 1))
	# The bytes Herald replays for that resume: the reference sends exactly these.
	curl -fs -H "Last-Event-ID: $((first - 1))" --max-time 2 "http://127.0.0.1:$HERALD_PORT/stream" \
		-o "$WORK/replay.txt" || true
	java -Xmx512m -cp "$CP:target/bench-classes" StormReference "$STORM_REFERENCE_PORT" "$WORK/replay.txt" \
		>"$WORK/storm-reference.log" 2>&1 &
	PIDS+=("$!")
	for _ in $(seq 1 100); do
		rc=0
		curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$STORM_REFERENCE_PORT/stream" || rc=$?
		[ "$rc" = 28 ] && break # a stream that stays open: the reference is up
		sleep 0.1
	done
	# STORM_ROUNDS rounds of the three runs, in turns: the first round also pays for each
	# JVM's warm-up (Herald's heap and buffer pools grow in its first storm), so the table
	# gives every round and the median of the rounds.
	for round in $(seq 1 "$STORM_ROUNDS"); do
		STORM_RESULTS+=("round=$round $(storm herald-resume "http://127.0.0.1:$HERALD_PORT/stream" Last-Event-ID $((first - 1)) "$first" "$last")")
		for _ in $(seq 1 600); do [ "$(open_streams)" = "0" ] && break; sleep 0.1; done
		STORM_RESULTS+=("round=$round $(storm herald-backfill "http://127.0.0.1:$HERALD_PORT/stream?backfill=$REPLAY" - - "$first" "$last")")
		for _ in $(seq 1 600); do [ "$(open_streams)" = "0" ] && break; sleep 0.1; done
		STORM_RESULTS+=("round=$round $(storm reference "http://127.0.0.1:$STORM_REFERENCE_PORT/stream" - - "$first" "$last")")
		sleep 2 # the reference's streams close with its load client
	done
	reads=$(curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | awk '/^herald_stream_history_reads_total/ { printf "%s ", $0 }')
	window=$(curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | awk '/^herald_stream_window_(events|bytes)/ { printf "%s ", $0 }')
fi

printf '%s\n' "${RESULTS[@]}" >"$WORK/results.txt"
echo
echo "$EVENTS headlines at $RATE/s (the first 5 untimed). Latency in ms from the event's commit to its"
echo "receipt: Herald's created_at (the event's insert, its transaction's last statement), the reference's"
echo "stamp as it emits; 'send' columns from the moment the publish request left the client."
echo "heap/rss: growth per idle stream after a full GC."
printf '%-10s %7s %6s %6s %6s %8s %8s %5s %5s %9s %11s %10s %9s %s\n' server streams p50 p99 max send-p50 send-p99 lost dup publish heap/stream rss/stream connect "server p50/p99 (bucket)"
while read -r line; do
	if [[ $line != name=* ]]; then
		echo "$line"
		continue
	fi
	eval "declare -A r=( $(echo "$line" | sed -E 's/([a-z_0-9]+)=([^ ]*)/[\1]="\2"/g') )"
	printf '%-10s %7s %6s %6s %6s %8s %8s %5s %5s %7sms %8sKiB %7sKiB %8ss %s\n' "${r[name]}" "${r[subscribers]}" \
		"${r[p50_ms]}" "${r[p99_ms]}" "${r[max_ms]}" "${r[send_p50_ms]}" "${r[send_p99_ms]}" "${r[lost]}" \
		"${r[duplicates]}" "${r[publish_p50_ms]}" \
		"${r[heap_per_stream_kib]}" "${r[rss_per_stream_kib]}" "${r[connect_s]}" "${r[server_ms]:-}"
done <"$WORK/results.txt"

if [ ${#STORM_RESULTS[@]} -gt 0 ]; then
	echo
	echo "Reconnect storm: $STORM streams at once, each replaying $REPLAY events (ids $first-$last); time from a"
	echo "stream's request to its last replayed event."
	printf '%-6s %-16s %7s %7s %7s %7s %5s %5s %6s %7s %8s\n' round run streams p50 p99 max lost dup failed retries storm_s
	declare -A p99s=()
	for line in "${STORM_RESULTS[@]}"; do
		eval "declare -A s=( $(echo "$line" | sed -E 's/([a-z_0-9]+)=([^ ]*)/[\1]="\2"/g') )"
		printf '%-6s %-16s %7s %5sms %5sms %5sms %5s %5s %6s %7s %7ss\n' "${s[round]}" "${s[name]}" "${s[streams]}" "${s[p50_ms]}" \
			"${s[p99_ms]}" "${s[max_ms]}" "$((s[lost] + s[wrong]))" "${s[dup]}" "${s[failed]}" "${s[retries]}" "${s[storm_s]}"
		p99s[${s[name]}]+="${s[p99_ms]} "
	done
	for name in herald-resume herald-backfill reference; do
		echo "median p99 over $STORM_ROUNDS rounds, $name: $(tr ' ' '\n' <<<"${p99s[$name]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
	done
	echo "history reads: $reads"
	echo "window: $window"
fi
echo
echo "Herald ($HERALD_JVM): peak RSS $(( $(cat "$WORK/peak-rss" 2>/dev/null || echo 0) / 1024 )) MiB"
