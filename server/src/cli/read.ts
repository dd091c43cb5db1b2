/** Reading report files as text: UTF-8 (with or without BOM) or GB18030/GBK, detected automatically. */
import { readFileSync } from 'node:fs';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface ReadResult {
  text: string;
  encoding: Encoding;
}

export function decode(buf: Buffer): ReadResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

export function readText(file: string): ReadResult {
  return decode(readFileSync(file));
}
