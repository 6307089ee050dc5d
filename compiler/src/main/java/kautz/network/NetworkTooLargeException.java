package kautz.network;

/** Thrown when a network would exceed its node limit; the message is meant for the user. */
public final class NetworkTooLargeException extends RuntimeException {
    public NetworkTooLargeException(String message) { super(message); }
}
