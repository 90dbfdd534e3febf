import { en } from './en';
import type { Lang } from './format';
import { sv, type Strings } from './sv';

export type { Lang } from './format';
export { compareText, formatChange, formatNumber, formatPercent } from './format';
export const STRINGS: Record<Lang, Strings> = { sv, en };
export type { Strings };
