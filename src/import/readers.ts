/** Every reader `report import` knows, most specific first: the first whose detect() accepts a file reads it. */
import { docxReader } from './docx-reader';
import { htmlReader } from './html-reader';
import { pdfReader } from './pdf-reader';
import type { Reader } from './reader';
import { textReader } from './text-reader';

export const READERS: readonly Reader[] = [docxReader, pdfReader, htmlReader, textReader];
