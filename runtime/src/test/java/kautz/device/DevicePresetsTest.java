package kautz.device;

import kautz.diag.UserError;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DevicePresetsTest {
    @Test
    void atLeastTenBuiltInPresetsEachCitingASource() {
        var presets = DevicePresets.builtIn();
        assertTrue(presets.size() >= 10, "only " + presets.size() + " presets");
        Set<String> names = new HashSet<>();
        for (DevicePreset p : presets) {
            assertTrue(names.add(p.name()), "duplicate " + p.name());
            assertFalse(p.citation().isBlank(), p.name());
        }
        assertTrue(names.contains(DevicePresets.DEFAULT));
    }

    @Test
    void reviewTableValuesAreLoadedAndDefaultsAreListed() {
        DevicePreset hfzro = DevicePresets.load("hfzro-60");
        assertEquals(60, hfzro.states());
        assertEquals(10, hfzro.dynamicRange());
        assertFalse(hfzro.isDefault("states"));
        assertTrue(hfzro.isDefault("vSet"), "voltages are not from the review and must say so");
        DevicePreset hbn = DevicePresets.load("au-hbn-ti");
        // 1.2 pJ per pulse at 45 µA for 30 ns: V²·G·t of a SET pulse on the LRS cell
        assertEquals(1.2, hbn.vSet() * hbn.vSet() * hbn.gOn() * hbn.pulseNs() * 1e3, 0.01);
        DevicePreset gst = DevicePresets.load("gst-8");
        assertEquals(0.05, gst.driftNu());
        assertTrue(gst.isDefault("driftNu"), "a value marked (default) is listed as a default");
        assertEquals(1e7, DevicePresets.load("ito-bisno2-tin").enduranceCycles());
    }

    @Test
    void userFilesAreParsedWithErrorsNamingTheLine() {
        DevicePreset p = DevicePresets.parse("my.device", "name = mine\ntitle = t\ncitation = c\nstates = 8 # eight\n");
        assertEquals(8, p.states());
        UserError e = assertThrows(UserError.class, () -> DevicePresets.parse("my.device", "name = x\ntitle = t\ncitation = c\nvolts = 3\n"));
        assertTrue(e.getMessage().startsWith("my.device:4:1: unknown key 'volts'"), e.getMessage());
        e = assertThrows(UserError.class, () -> DevicePresets.parse("my.device", "name = x\ntitle = t\ncitation = c\nstates = many\n"));
        assertTrue(e.getMessage().contains("states = 'many' is not a finite number"), e.getMessage());
        e = assertThrows(UserError.class, () -> DevicePresets.parse("my.device", "name = x\ntitle = t\n"));
        assertTrue(e.getMessage().contains("missing 'citation"), e.getMessage());
        e = assertThrows(UserError.class, () -> DevicePresets.load("no-such-device"));
        assertTrue(e.getMessage().contains("hfo2-1t1r"), e.getMessage());
    }
}
