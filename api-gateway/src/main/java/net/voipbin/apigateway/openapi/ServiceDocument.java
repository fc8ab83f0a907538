package net.voipbin.apigateway.openapi;

import tools.jackson.databind.JsonNode;

/** One service's own OpenAPI document, as its {@code /v3/api-docs} answered. */
record ServiceDocument(String service, JsonNode document) {
}
