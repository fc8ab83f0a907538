package net.voipbin.outdialmanager.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.outdial.*}.
 *
 * @param importMaxRows the most targets one import request may carry (JSON array or CSV)
 * @param claimRounds   how many times one claim looks again when the targets it locked had no slot left
 *                      (they end failed); bounds the work of one request
 */
@ConfigurationProperties("voipbin.outdial")
public record OutdialProperties(
        @DefaultValue("10000") int importMaxRows,
        @DefaultValue("5") int claimRounds) {
}
