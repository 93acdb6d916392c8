/**
 * Chinese counters and units glued to a number: 1万张A100, 不到140人, 5年, 两个月 (digits only).
 */
import { letterOrDigitAt } from './letters';
import { execAt } from './scan';

// A chip model may not run on into a letter or digit: checked by `cjkUnitAt`.
const CJK_UNIT_RE =
  /(?:张|块|枚|颗)?([A-Z]{1,3}\d{2,4}[A-Z]?s?|芯片|显卡|GPU|图形处理器)|(?:名)?(人|员工)|(年|个月|周|天|小时|分钟)/y;
export const CJK_TIME_UNITS: Record<string, string> = {
  年: 'years',
  个月: 'months',
  周: 'weeks',
  天: 'days',
  小时: 'hours',
  分钟: 'minutes',
};

/**
 * A Chinese counter or unit at `at`, as `CJK_UNIT_RE` reads it, where a chip model does not
 * run on into a letter or digit ("A100x" is none). When it does, "GPU" alone may still be
 * the unit ("GPU5090x" reads "GPU"), as the regex's next alternative would have read it.
 */
export function cjkUnitAt(text: string, at: number): RegExpExecArray | null {
  const m = execAt(CJK_UNIT_RE, text, at);
  const model = m?.[1];
  if (!m || model === undefined || !/\d/.test(model)) return m;
  if (!letterOrDigitAt(text, at + m[0].length)) return m;
  if (!model.startsWith('GPU')) return null;
  const gpu = m[0].slice(0, m[0].length - model.length + 3);
  const out = Object.assign([gpu, 'GPU', undefined, undefined], { index: at, input: text });
  return out as unknown as RegExpExecArray;
}
