/**
 * How the recogniser compares text with the format's labels, and the patterns of the cells it reads:
 * shared by the heading finder, the segmenter and the table readers. Pure.
 */

/** 0 … n-1. */
export const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** The pointers of a row's cells held as a list. */
export const listCells = (pointer: string, n: number) => indexes(n).map((i) => `${pointer}/${i}`);
export const nulls = (n: number) => Array.from({ length: n }, () => null);

/** Text compared with a label: no whitespace (labels wrap over lines), full-width dots as ASCII. */
export const norm = (text: string) => text.replace(/\s+/g, '').replace(/．/g, '.');
/** A heading compared with the format's: ASCII brackets and punctuation as full-width. */
export const fold = (text: string) => norm(text).replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；');

export const NUMERALS = '一二三四五六七八九十';
/** What reports print for “none” in a number cell. */
export const NONE_MARK = /^(\/|／|-+|－+|—+|无)$/;
export const NUMBER = /^\d+(\.\d+)?$/;
/** Several numbers in one piece of text, separated by spaces or line breaks. */
export const NUMBERS = /^(\d+(\.\d+)?|\/|／)(\s+(\d+(\.\d+)?|\/|／))+$/;
