package net.voipbin.testsupport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Active in every test context that has test-support on its classpath. */
@AutoConfiguration
public class TestSupportAutoConfiguration {

    @Bean
    static TopologyRecorder testTopologyRecorder() {
        return new TopologyRecorder();
    }
}
