// The JSON Schemas in schemas/ describe the files the app really reads:
// every built-in framework validates, and broken ones do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { root } from '../lib/harness.js';

const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'framework.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
const validate = ajv.compile(schema);
const builtIns = fs.readdirSync(path.join(root, 'frameworks')).filter((f) => f.endsWith('.json'));

test('every built-in framework matches the schema', () => {
  assert.ok(builtIns.length >= 2);
  for (const f of builtIns) {
    const data = JSON.parse(fs.readFileSync(path.join(root, 'frameworks', f), 'utf8'));
    assert.ok(validate(data), `${f}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('the schema refuses what the app refuses', () => {
  const base = JSON.parse(fs.readFileSync(path.join(root, 'frameworks', builtIns[0]), 'utf8'));
  const broken = [
    (d) => { d.format = 'other'; },
    (d) => { d.fields[0].criteria[0].subs[0].rule = { kind: 'nonsense' }; },
    (d) => { d.fields[0].criteria[0].subs[0].max = 0.125; },
    (d) => { d.status = 'draft'; },
    (d) => { delete d.fields; },
    (d) => { d.bands[0].to = 120; },
    (d) => { d.id = '../1'; },
    (d) => { d.version = '1@2'; },
    (d) => { d.fields[0].criteria[0].subs[0].id = 'x@1@2/../3'; },
    (d) => { d.fields[0].criteria[0].subs[0].period_rule = { kind: 'monthly' }; },
    (d) => { d.fields[0].criteria[0].subs[0].period_rule = { kind: 'cumulative', expected: [1, 2, 3] }; },
    (d) => { d.fields[0].criteria[0].subs[0].period_rule = { kind: 'cumulative' }; },
  ];
  for (const [i, breakIt] of broken.entries()) {
    const d = structuredClone(base);
    breakIt(d);
    assert.equal(validate(d), false, `case ${i} should be refused`);
  }
});

test('the example self-assessment file matches its schema', () => {
  const fileSchema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'self-assessment.schema.json'), 'utf8'));
  const ajv2 = new Ajv2020({ allErrors: true, strict: false, multipleOfPrecision: 9 });
  ajv2.addSchema(schema, 'framework.schema.json');
  const check = ajv2.compile(fileSchema);
  const example = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'example-self-assessment.json'), 'utf8'));
  assert.ok(check(example), ajv2.errorsText(check.errors));
  // with the framework embedded, too
  const fw = JSON.parse(fs.readFileSync(path.join(root, 'frameworks', builtIns[0]), 'utf8'));
  const embedded = { ...example, framework: { ...example.framework, built_in: false, embedded: fw } };
  assert.ok(check(embedded), ajv2.errorsText(check.errors));
  const bad = structuredClone(example);
  bad.answers['1.1.1'].value = { type: 'choice' };
  assert.equal(check(bad), false);
  // a version-1 file (before the period figures) matches too
  const v1 = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'files', 'v1-quy-1.json'), 'utf8'));
  assert.ok(check(v1), ajv2.errorsText(check.errors));
  assert.equal(check({ ...example, format_version: 3 }), false);
  assert.equal(check({ ...example, summary: { ...example.summary, figure: 'quy' } }), false);
});
