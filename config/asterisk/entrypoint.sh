#!/bin/sh
# RenfieldSip Asterisk entrypoint: render /etc/asterisk/templates/*.conf into /etc/asterisk,
# then run Asterisk in the foreground.
#
# POSIX sh + awk only: it runs on the andrius/asterisk Debian images (dash, mawk) and on
# Alpine/busybox alike, and it needs no envsubst. Only the variables listed below are
# substituted; every other ${...} (the dialplan's ${EXTEN}, ${CALLERID(num)}, ...) is
# left for Asterisk. A ';' in a value is written as '\;' because ';' starts a comment in
# Asterisk configuration files; every other character ($ & / \ ' " ...) is copied as is.
#
# Environment:
#   SIP_REGISTRAR, SIP_USERNAME, SIP_PASSWORD, AMI_SECRET   required (AMI_SECRET: 16+ characters,
#                                                            not a known placeholder)
#   SIP_EXTERNAL_ADDRESS, SIP_LOCAL_NET                      optional NAT settings
#   SIP_PROVIDER_ADDRESSES                                   optional: the provider's addresses,
#                                                            for a provider without the line token
#                                                            A template line naming an unset optional
#                                                            variable is dropped (commented out); a
#                                                            section header naming one drops the
#                                                            whole section.
#   VOICEMAIL_ENABLED (true), VOICEMAIL_RING_SECONDS (20), VOICEMAIL_MAX_SECONDS (120)
#                                                            the answering machine; optional, defaults
#   VOICEMAIL_DIR (/var/spool/asterisk/renfield-voicemail)   where recordings go (the shared volume)
#   VOICEMAIL_SOUNDS_DIR (TEMPLATE_DIR/sounds)               the greetings (greeting.wav wins)
#   TEMPLATE_DIR (/etc/asterisk/templates), TARGET_DIR (/etc/asterisk)
#   RENDER_ONLY=1                                            render, then exit (tests, debugging)
set -eu

TEMPLATE_DIR=${TEMPLATE_DIR:-/etc/asterisk/templates}
TARGET_DIR=${TARGET_DIR:-/etc/asterisk}
REQUIRED_VARS="SIP_REGISTRAR SIP_USERNAME SIP_PASSWORD AMI_SECRET"
OPTIONAL_VARS="SIP_EXTERNAL_ADDRESS SIP_LOCAL_NET SIP_PROVIDER_ADDRESSES"
VOICEMAIL_VARS="VOICEMAIL_ENABLED VOICEMAIL_RING_SECONDS VOICEMAIL_MAX_SECONDS VOICEMAIL_DIR VOICEMAIL_SOUNDS_DIR"
OPTIONAL_VARS="$OPTIONAL_VARS $VOICEMAIL_VARS"

fail() {
    echo "entrypoint: $*" >&2
    exit 64
}

newline='
'
cr=$(printf '\r')
for name in $REQUIRED_VARS $OPTIONAL_VARS; do
    # The names are fixed above, so this eval only ever reads a variable.
    eval "value=\${$name-}"
    case $value in
        *"$newline"* | *"$cr"*) fail "$name must be a single line" ;;
    esac
done
for name in $REQUIRED_VARS; do
    eval "value=\${$name-}"
    [ -n "$value" ] || fail "required environment variable $name is not set"
done
# AMI's events carry the real numbers of withheld callers: a guessable secret is a leak. The
# monitor (AmiSecretPolicy) refuses the same placeholders and the same minimum length.
lowered=$(printf '%s' "$AMI_SECRET" | awk '{ print tolower($0) }')
case $lowered in
    changeme | changeme-ami-secret | your-ami-secret | your-ami-secret-here | 0123456789abcdef | 0123456789abcdef0123456789abcdef)
        fail "AMI_SECRET is still the placeholder '$AMI_SECRET'; set a real secret (e.g. openssl rand -hex 24)" ;;
esac
[ "${#AMI_SECRET}" -ge 16 ] || fail "AMI_SECRET must be at least 16 characters long (e.g. openssl rand -hex 24)"

# The answering machine's settings always have a value: the dialplan uses them unconditionally.
: "${VOICEMAIL_ENABLED:=true}" "${VOICEMAIL_RING_SECONDS:=20}" "${VOICEMAIL_MAX_SECONDS:=120}"
: "${VOICEMAIL_DIR:=/var/spool/asterisk/renfield-voicemail}" "${VOICEMAIL_SOUNDS_DIR:=$TEMPLATE_DIR/sounds}"
export VOICEMAIL_ENABLED VOICEMAIL_RING_SECONDS VOICEMAIL_MAX_SECONDS VOICEMAIL_DIR VOICEMAIL_SOUNDS_DIR
case $VOICEMAIL_ENABLED in
    true | false) ;;
    *) fail "VOICEMAIL_ENABLED must be true or false, not '$VOICEMAIL_ENABLED'" ;;
esac
seconds_between() { # NAME VALUE MIN MAX
    case $2 in
        '' | *[!0-9]*) fail "$1 must be a whole number of seconds between $3 and $4, not '$2'" ;;
    esac
    [ "${#2}" -le 5 ] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] || fail "$1 must be between $3 and $4 seconds, not $2"
}
seconds_between VOICEMAIL_RING_SECONDS "$VOICEMAIL_RING_SECONDS" 1 300
seconds_between VOICEMAIL_MAX_SECONDS "$VOICEMAIL_MAX_SECONDS" 5 3600
for name in VOICEMAIL_DIR VOICEMAIL_SOUNDS_DIR; do
    eval "value=\${$name}"
    case $value in
        /*) ;;
        *) fail "$name must be an absolute path, not '$value'" ;;
    esac
    case $value in
        *[!A-Za-z0-9/._-]*) fail "$name may hold only letters, digits and / . _ - (Asterisk reads it inside the dialplan)" ;;
    esac
done

[ -d "$TEMPLATE_DIR" ] || fail "template directory $TEMPLATE_DIR does not exist"
mkdir -p "$TARGET_DIR"
# The rendered files hold the SIP password and the AMI secret.
umask 077

rendered=0
for template in "$TEMPLATE_DIR"/*.conf; do
    [ -f "$template" ] || continue
    target="$TARGET_DIR/$(basename "$template")"
    awk -v allowed="$REQUIRED_VARS $OPTIONAL_VARS" -v optional="$OPTIONAL_VARS" '
        function escape(s,    out, k) {
            out = ""
            while ((k = index(s, ";")) > 0) {
                out = out substr(s, 1, k - 1) "\\;"
                s = substr(s, k + 1)
            }
            return out s
        }
        BEGIN {
            n = split(allowed, names, " ")
            for (i = 1; i <= n; i++) isAllowed[names[i]] = 1
            n = split(optional, names, " ")
            for (i = 1; i <= n; i++) isOptional[names[i]] = 1
        }
        {
            rest = $0; out = ""; unset = ""
            while ((start = index(rest, "${")) > 0) {
                tail = substr(rest, start + 2)
                close_at = index(tail, "}")
                if (close_at == 0) break
                name = substr(tail, 1, close_at - 1)
                out = out substr(rest, 1, start - 1)
                if (name in isAllowed) {
                    value = ENVIRON[name]
                    if (value == "" && (name in isOptional)) unset = unset " " name
                    out = out escape(value)
                } else {
                    out = out "${" name "}"
                }
                rest = substr(tail, close_at + 1)
            }
            line = out rest
            if (line ~ /^[ \t]*\[/) dropSection = (unset != "")
            if (dropSection) print ";" line "   ; left out with its section: unset" (unset != "" ? unset : " " droppedFor)
            else if (unset != "") print ";" line "   ; left out: unset" unset
            else print line
            if (dropSection && unset != "") droppedFor = substr(unset, 2)
        }' "$template" >"$target.tmp" || fail "could not render $template"
    mv "$target.tmp" "$target"
    rendered=$((rendered + 1))
done
[ "$rendered" -gt 0 ] || fail "no *.conf template found in $TEMPLATE_DIR"
echo "entrypoint: rendered $rendered configuration file(s) from $TEMPLATE_DIR into $TARGET_DIR" >&2

if [ "${RENDER_ONLY:-0}" = "1" ]; then
    exit 0
fi

# The recordings directory (a volume shared with the monitor): group asterisk and group-writable, so
# the monitor (group_add 999) can delete a message (retention, the delete button, erasing a caller);
# files group-readable only (umask 027: 0640, group asterisk as Asterisk runs with -G asterisk), so
# the monitor reads a recording and never changes one; nobody else gets in. root keeps the directory:
# compose drops CAP_FOWNER, so root may chmod only what it owns, on every start. No setgid bit:
# without CAP_FSETID the kernel drops it for a group root is not in, and Asterisk's own group does it.
mkdir -p "$VOICEMAIL_DIR"
if id asterisk >/dev/null 2>&1; then
    chown root:asterisk "$VOICEMAIL_DIR"
fi
chmod 0770 "$VOICEMAIL_DIR"
umask 027

# The andrius/asterisk images run Asterisk as the unprivileged "asterisk" user (uid 1000).
if id asterisk >/dev/null 2>&1; then
    for file in "$TEMPLATE_DIR"/*.conf; do
        chown asterisk:asterisk "$TARGET_DIR/$(basename "$file")"
    done
    exec asterisk -f -n -vvv -U asterisk -G asterisk
fi
exec asterisk -f -n -vvv
