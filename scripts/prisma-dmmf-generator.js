#!/usr/bin/env node
// A Prisma generator that writes the parsed data model (DMMF) to JSON. The schema-drift test
// compares it with the migrated database, because no schema engine is available to diff them.
const { generatorHandler } = require('@prisma/generator-helper');
const fs = require('node:fs');
const path = require('node:path');

generatorHandler({
  onManifest: () => ({ prettyName: 'DMMF JSON', defaultOutput: '../src/generated/dmmf.json' }),
  onGenerate: async (options) => {
    const out = options.generator.output.value;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(options.dmmf.datamodel, null, 2));
  },
});
