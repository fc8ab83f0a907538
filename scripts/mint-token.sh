#!/usr/bin/env bash
# Prints a customer's bearer token: an HS256 JWT signed with the fleet's key.
# usage: VOIPBIN_AUTH_JWT_SECRET=... scripts/mint-token.sh <customer-uuid> [validity-hours]
set -euo pipefail
customer="${1:?usage: mint-token.sh <customer-uuid> [validity-hours]}"
hours="${2:-24}"
secret="${VOIPBIN_AUTH_JWT_SECRET:?set VOIPBIN_AUTH_JWT_SECRET to the fleet's key}"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
claims=$(printf '{"sub":"%s","customer_id":"%s","iat":%d,"exp":%d}' "$customer" "$customer" "$now" $((now + hours * 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -binary -sha256 -hmac "$secret" | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
