import { descriptorFor, type FieldSpec } from '../../../src/panos/objects';
import { parseXml, serializeXml } from '../../../src/panos/xml';
import { DEVICE_CASES, type DeviceCase } from './device-entries';

const TARGET = '11.1.0';

/** The case's XML as the codec serializes it (compact, attributes double-quoted). */
const canonical = (xml: string): string => serializeXml(parseXml(xml));

function replaceOnce(xml: string, from: string, to: string): string {
  const i = xml.indexOf(from);
  if (i < 0) throw new Error(`fixture XML does not contain ${from}`);
  return xml.slice(0, i) + to + xml.slice(i + from.length);
}

function decoded(c: DeviceCase): { model: Record<string, unknown> & { name: string }; raw: ReturnType<typeof parseXml> } {
  const { model, raw } = descriptorFor(c.kind).decode(parseXml(c.xml));
  return { model: model as Record<string, unknown> & { name: string }, raw };
}

function keyOf(c: DeviceCase, tfName: string): string {
  const f = (descriptorFor(c.kind).fields as readonly FieldSpec[]).find((x) => x.tfName === tfName);
  if (!f) throw new Error(`${c.kind} has no attribute ${tfName}`);
  return f.key;
}

describe('device entries written from the vendor schema', () => {
  it('GIVEN the fixture THEN it holds at least 15 entries and every kind of configuration the provider does not model', () => {
    expect(DEVICE_CASES.length).toBeGreaterThanOrEqual(15);
    const all = DEVICE_CASES.map((c) => c.xml).join('');
    for (const marker of [
      '<certificate>', '<manual-key>', '<global-protect-satellite>', '<require-cookie>', '<udp-checksum-enable>',
      '<interface-id>', '<enable-on-interface>', '<df-ignore>', '<copy-flow-label>', ' uuid="', '<bonjour>', '<lifesize>', '<ah>',
      'ikev2-preferred', 'aes-128-ccm', '<link-tag>',
    ]) {
      expect([marker, all.includes(marker)]).toEqual([marker, true]);
    }
  });

  describe.each(DEVICE_CASES.map((c) => [`${c.kind} ${c.name}`, c] as const))('%s', (_label, c) => {
    it('WHEN decoded and encoded against the same model THEN the entry is unchanged, byte for byte', () => {
      const { model, raw } = decoded(c);
      expect(serializeXml(descriptorFor(c.kind).encode(structuredClone(model), TARGET, raw, model))).toBe(canonical(c.xml));
    });

    it(`WHEN ${c.change.attr} changes THEN only its element differs`, () => {
      const { model, raw } = decoded(c);
      const next = structuredClone(model);
      c.change.model(next);
      const out = serializeXml(descriptorFor(c.kind).encode(next, TARGET, raw, model));
      expect(out).toBe(canonical(replaceOnce(c.xml, c.change.xml[0], c.change.xml[1])));
    });

    if (c.unset) {
      const unset = c.unset;
      it(`WHEN ${unset.attrs.join(' and ')} are left out THEN exactly their elements go and everything else stays`, () => {
        const { model, raw } = decoded(c);
        const next = structuredClone(model);
        for (const attr of unset.attrs) delete next[keyOf(c, attr)];
        const out = serializeXml(descriptorFor(c.kind).encode(next, TARGET, raw, model));
        expect(out).toBe(canonical(unset.xml.reduce((xml, gone) => replaceOnce(xml, gone, ''), c.xml)));
      });
    }
  });
});
