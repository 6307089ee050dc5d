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
        // Table 2 gives ±0.1 V / ±2.4 V: the program amplitude is the review's, the ramp's top is chosen
        assertEquals(2.4, hfzro.vSet());
        assertFalse(hfzro.isDefault("vSet"));
        assertTrue(hfzro.isDefault("vSetMax"), "a value the review does not give must say so");
        assertEquals(0.8 * 2.4, hfzro.vtOn(), 1e-12, "switching thresholds follow the preset's own SET amplitude");
        DevicePreset hbn = DevicePresets.load("au-hbn-ti");
        // 1.2 pJ per pulse at 0.5 V, 45 µA, 30 ns: V²·G·t of a SET pulse on the LRS cell plus the switching energy
        assertEquals(0.5 / 45e-6, hbn.rOnOhm(), 1);
        assertEquals(1.2, hbn.vSet() * hbn.vSet() * hbn.gOn() * hbn.pulseNs() * 1e3 + hbn.setEnergyPJ(), 0.01);
        DevicePreset gst = DevicePresets.load("gst-8");
        assertEquals(0.05, gst.driftNu());
        assertTrue(gst.isDefault("driftNu"), "a value marked (default) is listed as a default");
        assertEquals(1e7, DevicePresets.load("ito-bisno2-tin").enduranceCycles());
        assertEquals(SwitchingModel.MERZ, DevicePresets.load("pzt-5").switching(), "ferroelectric cells switch by nucleation");
        assertEquals(SwitchingModel.STT, DevicePresets.load("sot-mram").switching());
    }

    @Test
    void aLogicVoltageOutsideEveryGateWindowNamesFileLineAndKey() {
        // hfo2-1t1r's windows run from about 0.31 V (min3) to 1.6 V (or, and): 0.6 V lies in the NOR window
        DevicePreset ok = DevicePresets.parse("my.device", "name = x\ntitle = t\ncitation = c\nvLogic = 0.6\n");
        assertEquals(0.6, ok.vLogic());
        UserError e = assertThrows(UserError.class, () -> DevicePresets.parse("my.device", "name = x\ntitle = t\ncitation = c\n\nvLogic = 0.01\n"));
        assertTrue(e.getMessage().startsWith("my.device:5:1: vLogic: 0.01 V lies outside the window of every gate"), e.getMessage());
        e = assertThrows(UserError.class, () -> DevicePresets.withValues(DevicePresets.load("hfo2-1t1r"), "vLogic=0.05", "--device-set"));
        assertTrue(e.getMessage().startsWith("--device-set: vLogic: 0.05 V lies outside the window of every gate"), e.getMessage());
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

    /** Every row of the seed review's Table 1 (12 material systems) and Table 2 (17) is a preset citing its row. */
    @Test
    void everyRowOfTheReviewsTablesIsAPreset() {
        java.util.Map<String, Integer> rows = new java.util.HashMap<>();
        for (DevicePreset p : DevicePresets.builtIn()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Table (\\d), row (.+)$").matcher(p.citation());
            if (m.find()) assertNull(rows.put("T" + m.group(1) + " " + m.group(2), 1), "two presets cite " + m.group(0));
        }
        assertEquals(12, rows.keySet().stream().filter(k -> k.startsWith("T1 ")).count(), rows.keySet().toString());
        assertEquals(17, rows.keySet().stream().filter(k -> k.startsWith("T2 ")).count(), rows.keySet().toString());
    }
}
