package kautz.device;

/**
 * A device preset from a plugin jar: an implementation with a public no-argument constructor, named in the
 * jar's {@code META-INF/services/kautz.device.DevicePresetProvider}, makes its preset a {@code --device} name
 * ({@link DevicePresets#load}; a built-in name wins). {@link DevicePresets#parse} reads the preset file format.
 */
public interface DevicePresetProvider {
    DevicePreset preset();
}
