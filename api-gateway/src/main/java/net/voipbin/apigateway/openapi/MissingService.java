package net.voipbin.apigateway.openapi;

/** A service whose document could not be had, and why: its part of the API is left out, and named. */
record MissingService(String service, String reason) {
}
