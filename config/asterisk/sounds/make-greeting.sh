#!/bin/sh
# Renders the answering machine's default German greeting, renfieldsip-greeting.wav, in the format
# Asterisk plays without transcoding: WAV, 8 kHz, 16-bit signed PCM, mono (Asterisk's "wav" format).
#
#   sh config/asterisk/sounds/make-greeting.sh ["Eigener Text"]
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). The result is committed, so the
# greeting works offline out of the box; an owner's own greeting.wav beside it wins (see
# docs/SIP_INTEGRATION.md, "Anrufbeantworter").
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
TEXT=${1:-"Guten Tag, hier ist der Anrufbeantworter. Ihre Nachricht wird aufgezeichnet. Bitte sprechen Sie nach dem Ton."}
TARGET=$HERE/renfieldsip-greeting.wav

command -v espeak-ng >/dev/null || { echo "make-greeting.sh: espeak-ng is missing (apt-get install espeak-ng)" >&2; exit 1; }
command -v sox >/dev/null || { echo "make-greeting.sh: sox is missing (apt-get install sox)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# -s 160: a little slower than espeak's 175 words per minute, easier to follow on a phone line.
espeak-ng -v de -s 160 -w "$work/spoken.wav" "$TEXT"
# Telephone band (300-3400 Hz), normalised to -3 dBFS, 8 kHz 16-bit mono, with 0.3 s of quiet around it.
sox "$work/spoken.wav" -r 8000 -c 1 -b 16 -e signed-integer "$work/line.wav" \
    highpass 300 lowpass 3400 norm -3 pad 0.3 0.3
mv "$work/line.wav" "$TARGET"
echo "make-greeting.sh: wrote $TARGET ($(soxi -D "$TARGET") s)" >&2
