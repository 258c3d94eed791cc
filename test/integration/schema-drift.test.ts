import { readFileSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { testDatabaseUrl } from '../support/databases';

/**
 * No schema engine generates our SQL, so this proves the migrated database is exactly what
 * prisma/schema.prisma describes: tables, columns, types, nullability, defaults, indexes and
 * foreign keys. The model is read from the DMMF that `prisma generate` writes.
 */
type DmmfField = {
  name: string; dbName?: string | null; kind: 'scalar' | 'object' | 'enum'; type: string; isRequired: boolean; isList: boolean;
  isId: boolean; isUnique: boolean; isUpdatedAt: boolean; hasDefaultValue: boolean; default?: any; nativeType?: [string, string[]] | null;
  relationFromFields?: string[]; relationToFields?: string[]; relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type Dmmf = {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; fields: { name: string }[] }[];
};

const dmmf: Dmmf = JSON.parse(readFileSync(path.resolve(__dirname, '../../src/generated/dmmf.json'), 'utf8'));
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const modelByName = new Map(dmmf.models.map((m) => [m.name, m]));

function expectedColumnType(f: DmmfField): string {
  if (f.kind === 'enum') {
    const values = dmmf.enums.find((e) => e.name === f.type)!.values.map((v) => `'${v.name}'`);
    return `enum(${values.join(',')})`;
  }
  const native = f.nativeType;
  if (native) {
    const [name, args] = native;
    const map: Record<string, string> = { VarChar: 'varchar', Char: 'char', Decimal: 'decimal', Date: 'date', DateTime: 'datetime', Text: 'text' };
    const base = map[name] ?? name.toLowerCase();
    return args.length ? `${base}(${args.join(',')})` : base;
  }
  const defaults: Record<string, string> = {
    String: 'varchar(191)', Int: 'int(11)', BigInt: 'bigint(20)', Boolean: 'tinyint(1)', DateTime: 'datetime(3)',
    Decimal: 'decimal(65,30)', Json: 'longtext', Float: 'double',
  };
  return defaults[f.type];
}

function normaliseType(t: string): string {
  return t.replace(/\s+/g, '').toLowerCase().replace(/^datetime$/, 'datetime').replace(/^json$/, 'longtext');
}

function expectedDefault(f: DmmfField): string | null {
  if (!f.hasDefaultValue || f.default === undefined) return null;
  const d = f.default;
  if (typeof d === 'object' && d !== null && 'name' in d) {
    if (d.name === 'now') return 'current_timestamp(3)';
    return null; // cuid(), autoincrement(): not a column default
  }
  if (typeof d === 'boolean') return d ? '1' : '0';
  if (typeof d === 'number') return String(d);
  return `'${d}'`;
}

function normaliseDefault(d: string | null, type: string): string | null {
  if (d === null || d === 'NULL') return null;
  let v = d.toLowerCase();
  if (type.startsWith('decimal')) v = String(Number(v));
  if (type.startsWith('int') || type.startsWith('tinyint')) v = String(Number(v));
  return v;
}

describe('migrated database matches prisma/schema.prisma', () => {
  let conn: mysql.Connection;
  const dbName = new URL(testDatabaseUrl()).pathname.slice(1);

  beforeAll(async () => {
    const u = new URL(testDatabaseUrl());
    conn = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || 'root', password: u.password, database: dbName });
  });
  afterAll(() => conn.end());

  const rows = async <T>(sql: string): Promise<T[]> => (await conn.query(sql, [dbName]))[0] as T[];

  it('has exactly the modelled tables', async () => {
    const tables = await rows<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? AND table_name <> '_prisma_migrations'");
    expect(tables.map((r) => r.t).sort()).toEqual(dmmf.models.map(tableOf).sort());
  });

  it.each(dmmf.models.map((m) => [m.name, m] as const))('%s: columns, types, nullability, defaults', async (_name, model) => {
    const cols = await rows<{ c: string; type: string; nullable: string; def: string | null; extra: string }>(
      `SELECT column_name AS c, column_type AS type, is_nullable AS nullable, column_default AS def, extra
       FROM information_schema.columns WHERE table_schema = ? AND table_name = '${tableOf(model)}' ORDER BY ordinal_position`,
    );
    const actual = Object.fromEntries(
      cols.map((c) => [c.c, { type: normaliseType(c.type), nullable: c.nullable === 'YES', default: normaliseDefault(c.def, normaliseType(c.type)), autoIncrement: /auto_increment/i.test(c.extra) }]),
    );
    const expected = Object.fromEntries(
      model.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => {
          const type = normaliseType(expectedColumnType(f));
          return [f.dbName ?? f.name, { type, nullable: !f.isRequired, default: normaliseDefault(expectedDefault(f), type), autoIncrement: f.default?.name === 'autoincrement' }];
        }),
    );
    expect(actual).toEqual(expected);
  });

  it.each(dmmf.models.map((m) => [m.name, m] as const))('%s: primary key and indexes', async (_name, model) => {
    const idx = await rows<{ name: string; nonUnique: number; col: string; seq: number }>(
      `SELECT index_name AS name, non_unique AS nonUnique, column_name AS col, seq_in_index AS seq
       FROM information_schema.statistics WHERE table_schema = ? AND table_name = '${tableOf(model)}' ORDER BY index_name, seq_in_index`,
    );
    const fks = await rows<{ name: string }>(
      `SELECT constraint_name AS name FROM information_schema.referential_constraints WHERE constraint_schema = ? AND table_name = '${tableOf(model)}'`,
    );
    const fkNames = new Set(fks.map((f) => f.name));
    const grouped = new Map<string, { unique: boolean; cols: string[] }>();
    for (const r of idx) {
      const g = grouped.get(r.name) ?? { unique: Number(r.nonUnique) === 0, cols: [] };
      g.cols.push(r.col);
      grouped.set(r.name, g);
    }
    const col = (field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
    const expected = dmmf.indexes
      .filter((i) => i.model === model.name)
      .map((i) => ({ kind: i.type === 'id' ? 'primary' : i.type === 'unique' ? 'unique' : 'index', cols: i.fields.map((f) => col(f.name)) }));
    // MySQL adds an index for each foreign key that no other index starts with; Prisma expects those too.
    const actual = [...grouped.entries()]
      .filter(([name]) => !fkNames.has(name))
      .map(([name, g]) => ({ kind: name === 'PRIMARY' ? 'primary' : g.unique ? 'unique' : 'index', cols: g.cols }));
    const key = (x: { kind: string; cols: string[] }) => `${x.kind}:${x.cols.join(',')}`;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it.each(dmmf.models.map((m) => [m.name, m] as const))('%s: foreign keys with their actions', async (_name, model) => {
    const fks = await rows<{ col: string; refTable: string; refCol: string; onDelete: string; onUpdate: string }>(
      `SELECT k.column_name AS col, k.referenced_table_name AS refTable, k.referenced_column_name AS refCol, r.delete_rule AS onDelete, r.update_rule AS onUpdate
       FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r
         ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
       WHERE k.table_schema = ? AND k.table_name = '${tableOf(model)}' AND k.referenced_table_name IS NOT NULL`,
    );
    const expected = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
      .flatMap((f) =>
        f.relationFromFields!.map((from, i) => ({
          col: from,
          refTable: tableOf(modelByName.get(f.type)!),
          refCol: f.relationToFields![i],
          onDelete: (f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')).replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase(),
          onUpdate: 'CASCADE',
        })),
      );
    const key = (x: Record<string, string>) => JSON.stringify(x, Object.keys(x).sort());
    expect(fks.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
