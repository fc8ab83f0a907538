#!/usr/bin/env bash
# Prints a bearer token: an HS256 JWT signed with the fleet key, for a customer or for an operator
# (claim role=operator: health details and /actuator/metrics, no customer's resources).
# usage: VOIPBIN_AUTH_JWT_SECRET=... scripts/mint-token.sh <customer-uuid> [validity-hours]
#        VOIPBIN_AUTH_JWT_SECRET=... scripts/mint-token.sh --operator [validity-hours]
# No apostrophes inside the ${...} messages below: bash reads one there as an opening quote.
set -euo pipefail
usage="usage: mint-token.sh <customer-uuid> | --operator [validity-hours]"
subject="${1:?$usage}"
hours="${2:-24}"
secret="${VOIPBIN_AUTH_JWT_SECRET:?set VOIPBIN_AUTH_JWT_SECRET to the fleet key (at least 32 bytes)}"
[ "$(printf '%s' "$secret" | wc -c)" -ge 32 ] || { echo "VOIPBIN_AUTH_JWT_SECRET must be at least 32 bytes" >&2; exit 2; }
[[ "$hours" =~ ^[0-9]+$ ]] || { echo "validity-hours must be a whole number: $hours" >&2; exit 2; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
exp=$((now + hours * 3600))
if [ "$subject" = "--operator" ]; then
  claims=$(printf '{"sub":"operator","role":"operator","iat":%d,"exp":%d}' "$now" "$exp")
else
  [[ "$subject" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] \
    || { echo "not a customer UUID: $subject ($usage)" >&2; exit 2; }
  claims=$(printf '{"sub":"%s","customer_id":"%s","iat":%d,"exp":%d}' "$subject" "$subject" "$now" "$exp")
fi
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '%s' "$claims" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -binary -sha256 -hmac "$secret" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
