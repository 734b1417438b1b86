package io.lockstep.console.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lockstep.console.HeadlessRun;

/** The headless switches of ./lockstep console: a bad value is refused with what was expected and found. */
class HeadlessRunTest {

    @AfterEach
    void clear() {
        System.clearProperty("lockstep.screenshot");
        System.clearProperty("lockstep.screenshot.every");
        System.clearProperty("lockstep.exitAfter");
    }

    @Test
    void noPropertiesMeansAnOrdinaryInteractiveRun() {
        assertFalse(HeadlessRun.fromSystemProperties().isActive());
    }

    @Test
    void aScreenshotFileMakesTheRunHeadless() {
        System.setProperty("lockstep.screenshot", "/tmp/console.png");
        assertTrue(HeadlessRun.fromSystemProperties().isActive());
    }

    @Test
    void aNegativeOrNonNumericIntervalIsRefusedClearly() {
        System.setProperty("lockstep.exitAfter", "soon");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, HeadlessRun::fromSystemProperties);
        assertEquals("system property lockstep.exitAfter: expected a whole number of seconds >= 0, found 'soon'", e.getMessage());
        System.setProperty("lockstep.exitAfter", "-3");
        assertThrows(IllegalArgumentException.class, HeadlessRun::fromSystemProperties);
    }
}
