/** Small helpers for building user-facing texts. */
import type { Text2 } from './types';

export function t2(zh: string, en: string): Text2 {
  return { zh, en };
}

/** Join a list of Chinese items with 、 and cut it after `max` items. */
export function listZh(items: string[], max = 6): string {
  return items.length <= max ? items.join('、') : `${items.slice(0, max).join('、')}等${items.length}项`;
}

export function listEn(items: string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
