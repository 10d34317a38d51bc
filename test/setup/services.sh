# Sourced by test/run-all.sh: starts a private Xvfb display and a private MariaDB server on
# 127.0.0.1 for the tests, exports DISPLAY and CERT_PATH_MYSQL, and stops both on exit.
services_dir=$(mktemp -d -t cert-path-services-XXXXXX)

if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || { display_number=$n; break; }; done
  Xvfb ":$display_number" -screen 0 1280x800x24 -nolisten tcp >"$services_dir/xvfb.log" 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display_number"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display_number" ] && break; sleep 0.1; done
  echo "[services] Xvfb on $DISPLAY"
fi

if command -v mariadbd >/dev/null && [ -z "${CERT_PATH_MYSQL:-}" ]; then
  db_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mariadb-install-db --no-defaults --datadir="$services_dir/db" --auth-root-authentication-method=normal >"$services_dir/db-install.log" 2>&1
  mariadbd --no-defaults --datadir="$services_dir/db" --socket="$services_dir/db.sock" --port="$db_port" \
    --bind-address=127.0.0.1 --user=root --skip-log-bin --pid-file="$services_dir/db.pid" >"$services_dir/db.log" 2>&1 &
  db_pid=$!
  for _ in $(seq 100); do mariadb --no-defaults --socket="$services_dir/db.sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
  db_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  mariadb --no-defaults --socket="$services_dir/db.sock" -uroot -e "
    CREATE USER 'certpath'@'127.0.0.1' IDENTIFIED BY '$db_password';
    GRANT ALL PRIVILEGES ON \`certpath\\_%\`.* TO 'certpath'@'127.0.0.1';"
  export CERT_PATH_MYSQL="host=127.0.0.1;port=$db_port;user=certpath;password=$db_password;database=certpath"
  echo "[services] MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$db_port"
fi

stop_services() {
  [ -n "${db_pid:-}" ] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$services_dir"
}
trap stop_services EXIT
