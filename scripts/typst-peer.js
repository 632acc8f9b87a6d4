#!/usr/bin/env node
// `node scripts/typst-peer.js DOC.typ OUT.pdf`: the peer of `npm run bench` — Typst's compiler for Node
// (@myriaddreamin/typst-ts-node-compiler, a devDependency) compiling a document to PDF in a fresh
// process, with nianbao's shipped fonts (fonts/) as its only font directory besides Typst's own.
const fs = require('node:fs');
const path = require('node:path');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [source, pdf] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: path.dirname(source), fontArgs: [{ fontPaths: [path.join(__dirname, '..', 'fonts')] }] });
const compiled = compiler.compile({ mainFileContent: fs.readFileSync(source, 'utf8') });
if (!compiled.result) throw new Error(JSON.stringify(compiler.fetchDiagnostics(compiled.takeError()), null, 1));
fs.writeFileSync(pdf, compiler.pdf(compiled.result));
