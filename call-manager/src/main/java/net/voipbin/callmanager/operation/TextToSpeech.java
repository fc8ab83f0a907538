package net.voipbin.callmanager.operation;

/** Text to speech as ARI media: what {@code talk} plays. No implementation may need a cloud account. */
public interface TextToSpeech {

    /** An ARI media URI ({@code sound:...}) that speaks {@code text}. */
    String media(String text, String language);
}
