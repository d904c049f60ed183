/**
 * The current-probe slot (src/map/probe.ts) and the window hook installed from it: present only
 * where navigator.webdriver is true, reading whichever renderer's probe is current.
 */
import { describe, expect, it } from 'vitest';
import { createProbeSlot, installE2eProbe, type E2eProbe, type ProbeHost } from '../../src/map/probe';

const probeOf = (renderer: E2eProbe['renderer']): E2eProbe => ({
  renderer,
  labelPointOnScreen: () => null,
  unitsFlagged: () => [],
});

describe('probe slot', () => {
  it('holds the probe shown last, and is cleared only by the current one', () => {
    const slot = createProbeSlot();
    expect(slot.current()).toBeNull();
    const flat = probeOf('2d');
    const gl = probeOf('webgl');
    const clearFlat = slot.show(flat);
    expect(slot.current()).toBe(flat);
    const clearGl = slot.show(gl);
    expect(slot.current()).toBe(gl);
    // The 2D map's clear comes after MapLibre took over: it leaves MapLibre's probe.
    clearFlat();
    expect(slot.current()).toBe(gl);
    clearGl();
    expect(slot.current()).toBeNull();
  });
});

describe('installE2eProbe', () => {
  it('puts nothing on a window whose browser is not under automation', () => {
    for (const webdriver of [false, undefined]) {
      const host: ProbeHost = { navigator: webdriver === undefined ? {} : { webdriver } };
      const slot = createProbeSlot();
      slot.show(probeOf('2d'));
      expect(installE2eProbe(host, slot)).toBe(false);
      expect('hebeiExplorer' in host).toBe(false);
      expect(host.hebeiExplorer).toBeUndefined();
    }
  });

  it('under automation, reads the current probe as it changes', () => {
    const host: ProbeHost = { navigator: { webdriver: true } };
    const slot = createProbeSlot();
    expect(installE2eProbe(host, slot)).toBe(true);
    expect(host.hebeiExplorer).toBeUndefined();
    const flat = probeOf('2d');
    const clearFlat = slot.show(flat);
    expect(host.hebeiExplorer).toBe(flat);
    slot.show(probeOf('webgl'));
    expect(host.hebeiExplorer?.renderer).toBe('webgl');
    clearFlat();
    expect(host.hebeiExplorer?.renderer).toBe('webgl');
  });

  it('is read-only: assigning to the hook does not replace the probe', () => {
    const host: ProbeHost = { navigator: { webdriver: true } };
    const slot = createProbeSlot();
    const flat = probeOf('2d');
    slot.show(flat);
    installE2eProbe(host, slot);
    expect(() => {
      host.hebeiExplorer = probeOf('webgl');
    }).toThrow(TypeError);
    expect(host.hebeiExplorer).toBe(flat);
  });
});
