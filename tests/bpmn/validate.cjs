// Loads each BPMN file given in bpmn-moddle (with the handbook's moddle extension) and lints it
// with bpmnlint's recommended rules; prints one JSON object: file -> {warnings, errors, lint}.
// Run by tests/test_bpmn.py: node tests/bpmn/validate.cjs EXTENSION.json FILE.bpmn...
'use strict';
const fs = require('fs');
const path = require('path');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

async function main() {
  const [extensionFile, ...files] = process.argv.slice(2);
  const extension = JSON.parse(fs.readFileSync(extensionFile, 'utf8'));
  const out = {};
  for (const file of files) {
    // A linter of its own for each file: rules such as no-duplicate-sequence-flows keep state.
    const linter = new Linter({
      config: { extends: 'bpmnlint:recommended' },
      resolver: new NodeResolver({ requireLibrary: (name) => require(name) }),
    });
    const moddle = new BpmnModdle({ hb: extension });
    const xml = fs.readFileSync(file, 'utf8');
    const entry = { warnings: [], lint: {} };
    try {
      const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
      entry.warnings = warnings.map((w) => w.message);
      const reports = await linter.lint(rootElement);
      for (const [rule, items] of Object.entries(reports)) {
        entry.lint[rule] = items.map((r) => ({ id: r.id, message: r.message, category: r.category }));
      }
    } catch (err) {
      entry.error = String(err && err.message || err);
    }
    out[path.basename(file)] = entry;
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(2); });
