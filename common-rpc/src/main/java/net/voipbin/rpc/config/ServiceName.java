package net.voipbin.rpc.config;

/** This service's name on the wire (the module name: {@code call-manager}, ...). */
public record ServiceName(String value) {

    public ServiceName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("voipbin.service.name (or spring.application.name) is required");
        }
    }
}
