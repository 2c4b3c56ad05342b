import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import type { Plugin } from 'vite';

/** The schema's enums the workbench lists in its forms and pickers, in the schema's order. */
const ENUMS = [
  'AdoptionStage',
  'MilestoneKind',
  'ReplicationMode',
  'EvidenceKind',
  'VerificationFilter',
];

/**
 * The source of `web/src/lib/schema-enums.ts`: the values of a few enums of schema.graphql as
 * constants (a few hundred bytes), so the workbench's stage list and kinds cannot drift from the
 * API's. Read from the schema itself rather than by introspection at run time: no request before
 * the first page can draw, and no second copy to keep in step.
 */
export function schemaEnumsSource(schemaPath: string): string {
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
  const lines = [
    '// Generated from schema.graphql by web/build/schema-enums.ts on every `npm run build:web`;',
    '// do not edit (test/browser/schema-enums.test.ts fails when it is stale).',
    '',
  ];
  for (const name of ENUMS) {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`schema.graphql has no enum ${name}`);
    const values = type.getValues().map((v) => `'${v.name}'`);
    const oneLine = `export const ${name} = [${values.join(', ')}] as const;`;
    lines.push(`/** ${type.description ?? name} */`);
    // Laid out as the formatter (biome, 100 columns) would, so the file passes the lint.
    if (oneLine.length <= 100) lines.push(oneLine);
    else lines.push(`export const ${name} = [`, ...values.map((v) => `  ${v},`), '] as const;');
  }
  return `${lines.join('\n')}\n`;
}

/** Rewrites the constants when the schema changed, before Vite reads the workbench's sources. */
export function schemaEnums(schemaPath: string, outPath: string): Plugin {
  return {
    name: 'replika-schema-enums',
    buildStart() {
      const source = schemaEnumsSource(schemaPath);
      let current = '';
      try {
        current = readFileSync(outPath, 'utf8');
      } catch {}
      if (current !== source) writeFileSync(outPath, source);
    },
  };
}
