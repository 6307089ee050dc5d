package kautz.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of {@link Layering} catch what they are meant to catch (fixtures under this module's tests). */
class LayeringRulesTest {
    @Test
    void aCycleBetweenTwoPackagesIsReported() {
        JavaClasses cycle = new ClassFileImporter().importPackages("kautz.architecture.fixture.cycle");
        assertTrue(Layering.NO_CYCLES.evaluate(cycle).hasViolation());
        JavaClasses oneSide = new ClassFileImporter().importPackages("kautz.architecture.fixture.cycle.b");
        assertFalse(Layering.NO_CYCLES.evaluate(oneSide).hasViolation());
    }

    @Test
    void theIsaReachingIntoTheDeviceModelsIsReported() {
        JavaClasses classes = new ClassFileImporter().importPackages("kautz.isa", "kautz.device");
        assertReports(Layering.LAYERS, classes, "IsaUsingDevice", "kautz.device.DevicePreset");
    }

    @Test
    void theCompilerUsingAsmIsReported() {
        JavaClasses classes = new ClassFileImporter().importPackages("kautz.flow");
        assertReports(Layering.ASM_ONLY_IN_JIT, classes, "FlowUsingAsm", "org.objectweb.asm.ClassWriter");
    }

    private static void assertReports(ArchRule rule, JavaClasses classes, String from, String to) {
        var details = rule.evaluate(classes).getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(d -> d.contains(from) && d.contains(to)),
                () -> "expected a violation " + from + " -> " + to + ", got " + details);
    }
}
