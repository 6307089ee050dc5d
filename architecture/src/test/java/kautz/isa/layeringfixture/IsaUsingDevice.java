package kautz.isa.layeringfixture;

import kautz.device.DevicePreset;

/** An ISA class that reaches up into the device models, for {@code LayeringRulesTest}. */
public final class IsaUsingDevice {
    public static String name(DevicePreset p) { return p.name(); }
}
