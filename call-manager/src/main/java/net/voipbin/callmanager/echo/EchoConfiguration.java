package net.voipbin.callmanager.echo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.callmanager.config.CallManagerProperties;

@Configuration(proxyBeanMethods = false)
class EchoConfiguration {

    @Bean
    AudioSocketEcho audioSocketEcho(CallManagerProperties properties) {
        CallManagerProperties.Echo echo = properties.echo();
        return new AudioSocketEcho(echo.bind(), echo.port(), echo.host());
    }
}
