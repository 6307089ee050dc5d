#!/usr/bin/env bash
# A one-machine standalone Spark cluster (a master and a worker, each its own JVM) made from the Spark jars
# the spark/ module builds against, for running `kautz sweep SPEC --master spark://127.0.0.1:7077` without
# installing a Spark distribution. A real cluster uses its distribution's sbin/start-master.sh and
# sbin/start-worker.sh instead (Spark 4.0, Scala 2.13, Java 17); see docs/sweeps.md.
#
#   spark/standalone.sh start [CORES [MEMORY]]   start a master on 127.0.0.1:7077 and a worker (default: all cores, 2g)
#   spark/standalone.sh stop                     stop the two JVMs this script started
#   spark/standalone.sh status
#
# KAUTZ_SPARK_PORT changes the master's port (default 7077). Everything lives in spark/target/standalone/:
# a SPARK_HOME whose jars/ links to the jars in ~/.m2 (workers start executors from it), the logs, the
# executors' work folders and the pid files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$here/target/standalone"
port="${KAUTZ_SPARK_PORT:-7077}"
master="spark://127.0.0.1:$port"
cpfile="$here/target/spark-classpath.txt"

running() { [ -f "$home/$1.pid" ] && kill -0 "$(cat "$home/$1.pid")" 2>/dev/null; }

# wait_for LOG TEXT SECONDS: true once LOG contains TEXT
wait_for() {
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  return 1
}

start() {
  local cores="${1:-$(nproc)}" memory="${2:-2g}"
  if [ ! -f "$cpfile" ]; then
    echo "standalone.sh: $cpfile is missing: build the module first (./kautz sweep --help does)" >&2; exit 2
  fi
  if running master || running worker; then echo "standalone.sh: already running ($master); stop it first" >&2; exit 1; fi
  mkdir -p "$home/jars" "$home/work" "$home/logs"
  rm -f "$home"/jars/*.jar
  tr ':' '\n' < "$cpfile" | while read -r jar; do ln -s "$jar" "$home/jars/"; done
  # Workers build the executor's command from SPARK_HOME (jars/*) and the Scala version.
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  local java=(java @"$here/jvm.options" -Xmx512m -cp "$(cat "$cpfile")")
  nohup "${java[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
    > "$home/logs/master.log" 2>&1 &
  echo $! > "$home/master.pid"
  if ! wait_for "$home/logs/master.log" "New state: ALIVE" 120; then
    echo "standalone.sh: the master did not start; see $home/logs/master.log" >&2; stop; exit 1
  fi
  nohup "${java[@]}" org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --cores "$cores" --memory "$memory" \
    --webui-port 0 --work-dir "$home/work" > "$home/logs/worker.log" 2>&1 &
  echo $! > "$home/worker.pid"
  if ! wait_for "$home/logs/worker.log" "Successfully registered with master" 120; then
    echo "standalone.sh: the worker did not register; see $home/logs/worker.log" >&2; stop; exit 1
  fi
  echo "$master: a master and a worker with $cores cores and $memory (logs in $home/logs)"
}

stop() {
  for role in worker master; do
    if running "$role"; then kill "$(cat "$home/$role.pid")"; echo "stopped the $role"; fi
    rm -f "$home/$role.pid"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status)
    for role in master worker; do
      if running "$role"; then echo "$role: running (pid $(cat "$home/$role.pid"))"; else echo "$role: not running"; fi
    done ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
