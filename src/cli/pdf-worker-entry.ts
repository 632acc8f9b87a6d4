/** The PDF worker's script: loads the worker bundle (dist/pdf-worker.js) through its code cache. */
import * as path from 'node:path';
import { loadBundle } from './load-bundle';

loadBundle(path.join(__dirname, '..', 'pdf-worker.js'));
