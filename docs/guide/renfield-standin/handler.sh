#!/standin/busybox sh
# One HTTP request on stdin, the answer on stdout: the two routes of Renfield's
# src/backend/api/routes/notifications.py that RenfieldSip uses.
#   POST /api/notifications/token    generate_token: a new token replaces the stored one ({"token": …}).
#   POST /api/notifications/webhook  receive_webhook: 503 while PROACTIVE_ENABLED is not true, 401 without
#                                    "Bearer ", 403 for another token, else the body is kept in /state/webhook.log.
bb=/standin/busybox
cr=$(printf '\r')
IFS= read -r request
request=${request%"$cr"}
length=0
authorization=
while IFS= read -r header; do
  header=${header%"$cr"}
  [ -z "$header" ] && break
  case "$header" in
    [Cc]ontent-[Ll]ength:*) length=${header#*:}; length=${length# } ;;
    [Aa]uthorization:*) authorization=${header#*:}; authorization=${authorization# } ;;
  esac
done
body=
[ "$length" -gt 0 ] && body=$($bb head -c "$length")

answer() {
  printf 'HTTP/1.1 %s\r\nContent-Type: application/json\r\nContent-Length: %s\r\nConnection: close\r\n\r\n%s' "$1" "${#2}" "$2"
}

case "$request" in
  "POST /api/notifications/token "*)
    token=$($bb head -c 36 /dev/urandom | $bb base64 | $bb tr '+/' '-_' | $bb tr -d '=\n')
    printf '%s' "$token" > /state/token
    answer "200 OK" "{\"token\":\"$token\"}" ;;
  "POST /api/notifications/webhook "*)
    case "$PROACTIVE_ENABLED" in
      [Tt][Rr][Uu][Ee]|1|[Yy][Ee][Ss]|[Oo][Nn]) ;;
      *) answer "503 Service Unavailable" '{"detail":"Proactive notifications are disabled"}'; exit 0 ;;
    esac
    case "$authorization" in
      "Bearer "*) ;;
      *) answer "401 Unauthorized" '{"detail":"Missing or invalid Authorization header"}'; exit 0 ;;
    esac
    if [ ! -s /state/token ] || [ "${authorization#Bearer }" != "$(cat /state/token)" ]; then
      answer "403 Forbidden" '{"detail":"Invalid webhook token"}'; exit 0
    fi
    printf '%s\n' "$body" >> /state/webhook.log
    answer "200 OK" "{\"notification_id\":$($bb wc -l < /state/webhook.log),\"status\":\"delivered\",\"delivered_to\":[]}" ;;
  *)
    answer "404 Not Found" '{"detail":"Not Found"}' ;;
esac
