import { cty } from '../../src/tfplugin/cty';
import { diagnosticFromProto, diagnosticToProto, errorDiagnostic } from '../../src/tfplugin/diagnostics';
import { defaultPlan } from '../../src/tfplugin/plan';
import { type ProviderSchema, checkSchema, providerSchemaToJson, schemaToProto } from '../../src/tfplugin/schema';
import { UNKNOWN, objectOf } from '../../src/tfplugin/values';

const schema: ProviderSchema = {
  provider: { block: { attributes: { host: { type: cty.string, required: true, description: 'Host name.' } } } },
  resources: {
    demo_thing: {
      version: 2,
      block: {
        description: 'A thing.',
        attributes: {
          id: { type: cty.string, computed: true },
          name: { type: cty.string, required: true },
          key: { type: cty.string, optional: true, sensitive: true, writeOnly: true },
          old: { type: cty.bool, optional: true, deprecated: true },
        },
        blocks: { rule: { nesting: 'list', minItems: 1, maxItems: 3, block: { attributes: { port: { type: cty.number, required: true } } } } },
      },
    },
  },
};

describe('schema conversions', () => {
  test('GIVEN a schema WHEN converted to the `providers schema -json` document THEN it has Terraform\'s shape', () => {
    const doc = providerSchemaToJson(schema, 'example.com/me/demo');
    expect(doc).toEqual({
      format_version: '1.0',
      provider_schemas: {
        'example.com/me/demo': {
          provider: { version: 0, block: { attributes: { host: { type: 'string', description: 'Host name.', description_kind: 'plain', required: true } }, description_kind: 'plain' } },
          resource_schemas: {
            demo_thing: {
              version: 2,
              block: {
                attributes: {
                  id: { type: 'string', description_kind: 'plain', computed: true },
                  key: { type: 'string', description_kind: 'plain', optional: true, sensitive: true, write_only: true },
                  name: { type: 'string', description_kind: 'plain', required: true },
                  old: { type: 'bool', description_kind: 'plain', optional: true, deprecated: true },
                },
                block_types: {
                  rule: {
                    nesting_mode: 'list',
                    min_items: 1,
                    max_items: 3,
                    block: { attributes: { port: { type: 'number', description_kind: 'plain', required: true } }, description_kind: 'plain' },
                  },
                },
                description: 'A thing.',
                description_kind: 'plain',
              },
            },
          },
        },
      },
    });
  });

  test('GIVEN a schema WHEN converted to protobuf THEN types are JSON bytes and nesting an enum name', () => {
    const p = schemaToProto(schema.resources.demo_thing);
    expect(p.version).toBe(2);
    expect(p.block.attributes.map((a) => a.name)).toEqual(['id', 'key', 'name', 'old']);
    expect(p.block.attributes[1]).toMatchObject({ write_only: true, sensitive: true, optional: true });
    expect(p.block.attributes[0].type.toString()).toBe('"string"');
    expect(p.block.block_types[0]).toMatchObject({ type_name: 'rule', nesting: 'LIST', min_items: 1, max_items: 3 });
  });

  test('fails when an attribute is both required and computed, or sets no mode, naming it', () => {
    const bad: ProviderSchema = {
      provider: { block: {} },
      resources: { x_y: { block: { attributes: { a: { type: cty.string, required: true, computed: true }, b: { type: cty.string } } } } },
    };
    expect(checkSchema(bad)).toEqual([
      'x_y.a: required cannot be combined with optional or computed',
      'x_y.b: set one of required, optional or computed',
    ]);
    expect(checkSchema(schema)).toEqual([]);
  });
});

describe('diagnostics', () => {
  test('GIVEN a path with attribute, index and map key WHEN converted to proto THEN steps use the right selectors', () => {
    const p = diagnosticToProto(errorDiagnostic('Bad', 'detail', ['rule', 2, { key: 'env' }]));
    expect(p).toEqual({
      severity: 'ERROR', summary: 'Bad', detail: 'detail',
      attribute: { steps: [{ attribute_name: 'rule' }, { element_key_int: 2 }, { element_key_string: 'env' }] },
    });
    expect(diagnosticFromProto({ ...p, attribute: { steps: p.attribute!.steps.map((s) => ({ ...s, selector: Object.keys(s)[0] })) } }).path)
      .toEqual(['rule', 2, { key: 'env' }]);
  });
});

describe('default plan', () => {
  const block = schema.resources.demo_thing.block;
  const proposed = objectOf([['id', null], ['name', 'n'], ['key', null], ['old', null], ['rule', []]]);

  test('GIVEN a create WHEN planned by default THEN computed attributes left null by config become unknown', () => {
    expect(defaultPlan(block, null, proposed, proposed)).toEqual({ ...proposed, id: UNKNOWN });
  });

  test('GIVEN an update WHEN planned by default THEN prior computed values stay known', () => {
    const prior = objectOf([...Object.entries(proposed), ['id', 'abc']]);
    const next = objectOf([...Object.entries(prior), ['name', 'm']]);
    expect(defaultPlan(block, prior, next, proposed)).toEqual(next);
  });

  test('GIVEN a destroy WHEN planned by default THEN the plan is null', () => {
    expect(defaultPlan(block, proposed, null, null)).toBeNull();
  });
});
