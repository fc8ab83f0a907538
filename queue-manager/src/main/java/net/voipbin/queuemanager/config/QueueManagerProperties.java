package net.voipbin.queuemanager.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voipbin.queue-manager.*}.
 *
 * @param deadlineSweep how often due wait and service deadlines are looked for (restart safety; each instance
 *                      also wakes at the deadlines it set)
 * @param offerSource   the caller id of an offer call when the caller's number cannot be read
 */
@ConfigurationProperties("voipbin.queue-manager")
public record QueueManagerProperties(Duration deadlineSweep, String offerSource) {

    public QueueManagerProperties {
        deadlineSweep = deadlineSweep == null ? Duration.ofSeconds(1) : deadlineSweep;
        offerSource = offerSource == null ? "+10000000000" : offerSource;
    }
}
