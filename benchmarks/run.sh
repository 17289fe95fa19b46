#!/usr/bin/env bash
# Compares the round-trip latency and rate of line echo over TLS on loopback:
# DriverHost's tls-echo driver against openssl s_server and socat. Usage:
#   benchmarks/run.sh [CONNECTIONS] [LINES_PER_CONNECTION] [LINE_BYTES]
# It builds the assembly if needed, runs every server on a free loopback port,
# and stops them all at the end. Each load run is bounded by its line count.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-8}
lines=${2:-2000}
line_bytes=${3:-64}

command -v socat >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q socat; }
[ -x karaf-assembly/target/assembly/bin/karaf ] || mvn -B -q -DskipTests -pl karaf-assembly -am package

work=$(mktemp -d)
pids=()
cleanup() {
  if [ -x "$work/karaf/bin/stop" ]; then
    "$work/karaf/bin/stop" >/dev/null 2>&1 || true
    # bin/stop returns before Karaf has exited; wait (at most 30 s) so its files can be removed.
    for _ in $(seq 1 300); do "$work/karaf/bin/status" >/dev/null 2>&1 || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for_port() {
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1 after 60 s" >&2
  return 1
}

# DriverHost: a copy of the assembly whose tls-echo driver listens on a free port.
driverhost_port=$(free_port)
cp -r karaf-assembly/target/assembly "$work/karaf"
sed -i "s/^sshPort = .*/sshPort = $(free_port)/" "$work/karaf/etc/org.apache.karaf.shell.cfg"
python3 - "$work/karaf/deploy/tls-echo.c4z" "$driverhost_port" <<'PY'
import sys, zipfile, shutil
path, port = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path) as source:
    entries = {name: source.read(name) for name in source.namelist()}
entries["driver.xml"] = entries["driver.xml"].replace(b"<default>8443</default>", f"<default>{port}</default>".encode())
with zipfile.ZipFile(path + ".new", "w") as target:
    for name, data in entries.items():
        target.writestr(name, data)
shutil.move(path + ".new", path)
PY
unzip -q -o "$work/karaf/deploy/tls-echo.c4z" server-cert.pem server-key.pem -d "$work"
"$work/karaf/bin/start"
wait_for_port "$driverhost_port"

# Peers with the same certificate and key.
openssl_port=$(free_port)
openssl s_server -quiet -rev -accept "127.0.0.1:$openssl_port" -cert "$work/server-cert.pem" -key "$work/server-key.pem" \
  </dev/null >/dev/null 2>&1 &
pids+=($!)
socat_port=$(free_port)
socat "OPENSSL-LISTEN:$socat_port,bind=127.0.0.1,reuseaddr,fork,cert=$work/server-cert.pem,key=$work/server-key.pem,verify=0" \
  EXEC:cat >/dev/null 2>&1 &
pids+=($!)
wait_for_port "$openssl_port"
wait_for_port "$socat_port"

load() {
  java benchmarks/EchoLoad.java "$@"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1); openssl: $(openssl version); socat: $(socat -V | sed -n 2p)"
# A first short run warms up the JIT of both JVMs; its numbers are not reported.
load "$driverhost_port" 2 500 "$line_bytes" >/dev/null
echo "driverhost tls-echo, 1 connection:  $(load "$driverhost_port" 1 "$lines" "$line_bytes")"
echo "openssl s_server -rev, 1 connection: $(load "$openssl_port" 1 "$lines" "$line_bytes" reverse)"
echo "socat + cat, 1 connection:          $(load "$socat_port" 1 "$lines" "$line_bytes")"
echo "driverhost tls-echo, $connections connections: $(load "$driverhost_port" "$connections" "$lines" "$line_bytes")"
echo "socat + cat, $connections connections:         $(load "$socat_port" "$connections" "$lines" "$line_bytes")"
