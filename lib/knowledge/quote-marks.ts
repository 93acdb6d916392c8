// A quote that opens or closes with its own quotation mark gets none of ours: otherwise
// "“DeepSeek will…,” he stated" reads ““DeepSeek will…,” he stated”.
const OWN_MARKS = /^["“‘'«「『]|["”’'»」』]$/u;

/** Whether a quote carries its own quotation marks at either end. */
export function hasOwnMarks(text: string): boolean {
  return OWN_MARKS.test(text);
}
