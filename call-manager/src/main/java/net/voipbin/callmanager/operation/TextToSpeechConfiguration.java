package net.voipbin.callmanager.operation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.callmanager.config.CallManagerProperties;

/** Picks the speech engine: espeak-ng when installed (or demanded), else named prompts. */
@Configuration(proxyBeanMethods = false)
class TextToSpeechConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TextToSpeechConfiguration.class);

    @Bean
    TextToSpeech textToSpeech(CallManagerProperties properties) {
        CallManagerProperties.Tts tts = properties.tts();
        boolean espeak = switch (tts.engine()) {
            case "espeak" -> true;
            case "prompt" -> false;
            default -> EspeakTextToSpeech.available(tts.command());
        };
        log.info("talk speaks with {}", espeak ? tts.command() + " into " + tts.dir() : "named prompts");
        return espeak ? new EspeakTextToSpeech(tts.command(), tts.dir()) : new PromptTextToSpeech();
    }
}
